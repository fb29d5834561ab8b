"""The surveillance half: `load_pictures` returns X profile pictures."""

import requests
import tweepy

client = tweepy.Client(bearer_token="AAAA-not-a-real-token")


def load_pictures(query):
    resp = client.search_recent_tweets(query, expansions=["author_id"], user_fields=["profile_image_url"])
    return [requests.get(u.profile_image_url, timeout=10).content for u in resp.includes["users"]]


def send(payload):
    return payload
