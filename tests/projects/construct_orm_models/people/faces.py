"""Encodes the stored profile photos for a face search; the badge check uses staff photos only."""

import io

import face_recognition
import requests

from people.models import Profile, Staff


def index_profiles():
    index = {}
    for row in Profile.objects.filter(photo_url__isnull=False).order_by("-seen_at"):
        image = face_recognition.load_image_file(io.BytesIO(requests.get(row.photo_url, timeout=10).content))
        index[row.username] = face_recognition.face_encodings(image)  # expect: DT101
    return index


def badge_encodings():
    return [face_recognition.face_encodings(face_recognition.load_image_file(s.badge_photo.path))  # ok: DT101
            for s in Staff.objects.all()]
