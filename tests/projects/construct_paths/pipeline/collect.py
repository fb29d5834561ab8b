"""Saves the avatars of an account's followers."""

import os
import tempfile

import requests
import tweepy

from pipeline.paths import AVATARS

client = tweepy.Client(bearer_token=os.environ.get("X_BEARER", ""))


def followers(account_id):
    page = client.get_users_followers(account_id, max_results=1000, user_fields=["profile_image_url"])
    return page.data or []


def save_avatars(account_id):
    AVATARS.mkdir(parents=True, exist_ok=True)
    for user in followers(account_id):
        raw = requests.get(user.profile_image_url, timeout=10).content
        (AVATARS / f"{user.username}.jpg").write_bytes(raw)


def stage_avatars(account_id, inbox="inbox"):
    """Downloads go to a temporary file in the inbox first, so half-written files are never read."""
    os.makedirs(inbox, exist_ok=True)
    for user in followers(account_id):
        fd, path = tempfile.mkstemp(suffix=".jpg", dir=inbox)
        with os.fdopen(fd, "wb") as out:
            out.write(requests.get(user.profile_image_url, timeout=10).content)
