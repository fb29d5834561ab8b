"""Collects tweet authors' profile pictures (the source of the pipeline)."""

import requests
import tweepy

CLIENT = tweepy.Client(bearer_token="AAAA-not-a-real-token")


def author_pictures(query):
    resp = CLIENT.search_recent_tweets(query, expansions=["author_id"], user_fields=["profile_image_url"])
    return {u.username: requests.get(u.profile_image_url).content for u in resp.includes["users"]}
