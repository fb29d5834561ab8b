"""Reads the account's own mentions."""

import tweepy

CLIENT = tweepy.Client(bearer_token="AAAA-not-a-real-token")


def my_mentions(my_id):
    return CLIENT.get_users_mentions(my_id, max_results=100).data or []
