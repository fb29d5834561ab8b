"""Fills the platform fields of the options from the X API."""

import tweepy

client = tweepy.Client(bearer_token="AAAA-not-a-token")


def fill_from_account(config, handle):
    user = client.get_user(username=handle, user_fields=["location", "profile_image_url"]).data
    config.Username = user.username
    config.Location = user.location
    return config


def bind(session, handle):
    user = client.get_user(username=handle, user_fields=["location"]).data
    session.config.Username = user.username
    session.config.Location = user.location
    session.account = user
    return session
