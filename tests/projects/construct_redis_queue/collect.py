"""Collects the followers of watched accounts into the queue."""

import tweepy

import queue_store

client = tweepy.Client(bearer_token="AAAA")


def collect(account_id):
    for user in client.get_users_followers(account_id, user_fields=["profile_image_url", "location"]).data:
        queue_store.put_profile({"name": user.name, "location": user.location, "avatar": user.profile_image_url})
        queue_store.put_handle(user.username)
        queue_store.bump("collected")
