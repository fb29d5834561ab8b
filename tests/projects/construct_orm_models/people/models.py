"""Django models: profiles scraped from Instagram, and the office's own staff."""

from django.db import models


class Profile(models.Model):
    username = models.CharField(max_length=64)
    photo_url = models.URLField()
    seen_at = models.DateTimeField(auto_now_add=True)


class Staff(models.Model):
    name = models.CharField(max_length=64)
    badge_photo = models.ImageField(upload_to="badges/")
