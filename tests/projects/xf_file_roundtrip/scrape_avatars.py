"""Step 1: saves X profile pictures under avatars/<username>.jpg."""

import os

import requests
import tweepy

client = tweepy.Client(bearer_token="AAAA-not-a-real-token")


def save_followers(user_id):
    os.makedirs("avatars", exist_ok=True)
    followers = client.get_users_followers(user_id, user_fields=["profile_image_url"]).data or []
    for user in followers:
        with open(f"avatars/{user.username}.jpg", "wb") as fh:
            fh.write(requests.get(user.profile_image_url.replace("_normal", ""), timeout=10).content)
    with open("run.log", "a") as log:
        log.write(f"saved {len(followers)} avatars\n")
