"""Writes a list of followers to the manifest and their avatars into the configured folder."""

import json
import os

import requests
import tweepy

from settings import MANIFEST, PICS

client = tweepy.Client(bearer_token="AAAA-not-a-token")


def followers(user_id):
    page = client.get_users_followers(user_id, max_results=1000, user_fields=["username", "profile_image_url"])
    return page.data or []


def write_manifest(users):
    os.makedirs("out", exist_ok=True)
    with open(MANIFEST, "w") as fh:
        json.dump([user.data for user in users], fh)


def save_pics(cfg, users):
    os.makedirs(cfg["folder"], exist_ok=True)
    for user in users:
        image = requests.get(user.profile_image_url, timeout=10).content
        with open(os.path.join(cfg["folder"], f"{user.username}.jpg"), "wb") as fh:
            fh.write(image)


def main(user_id):
    users = followers(user_id)
    write_manifest(users)
    save_pics(PICS, users)
