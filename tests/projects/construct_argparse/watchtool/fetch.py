"""Followers of one account, through the X API."""

import os

import tweepy

client = tweepy.Client(bearer_token=os.environ.get("X_BEARER", ""))


def followers(handle, limit):
    user = client.get_user(username=handle).data
    page = client.get_users_followers(user.id, max_results=limit, user_fields=["username", "location"])
    return [{"username": u.username, "location": u.location} for u in page.data or []]
