"""Wires the two classes together across modules."""

import os

from azure_match import AzureMatcher
from insta import InstaSession


def run(target):
    session = InstaSession("operator", "not-a-real-password")
    matcher = AzureMatcher.from_env(os.environ)
    faces = {}
    for pk, user in session.followers(target).items():
        faces[pk] = matcher.detect(str(user.profile_pic_url))
    matcher.detect("https://cdn.example.org/staff/alice.jpg")  # ok: DT101
    if session.follower_count(target) > 1000:
        matcher.detect(f"https://cdn.example.org/big-account-{target}.jpg")  # ok: DT101
    return faces
