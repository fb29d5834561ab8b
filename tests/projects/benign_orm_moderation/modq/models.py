"""A moderation queue: reported Reddit comments wait here for a moderator."""

from django.db import models


class FlaggedComment(models.Model):
    comment_id = models.CharField(max_length=16, unique=True)
    author = models.CharField(max_length=64)
    body = models.TextField()
    resolved = models.BooleanField(default=False)


class ScheduledPost(models.Model):
    """The team's own announcements, posted later by the bot."""

    text = models.TextField()
    due = models.DateTimeField()
