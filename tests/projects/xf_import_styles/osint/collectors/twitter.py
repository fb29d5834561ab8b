"""Collects the profile pictures of accounts that tweet about a query."""

import requests
import tweepy

CLIENT = tweepy.Client(bearer_token="AAAA-not-a-real-token")


def author_avatars(query):
    resp = CLIENT.search_recent_tweets(query, expansions=["author_id"], user_fields=["profile_image_url"])
    return {u.username: requests.get(u.profile_image_url, timeout=10).content for u in resp.includes["users"]}


def tweet_count(query):
    counts = CLIENT.get_recent_tweets_count(query).data or []
    return sum(bucket["tweet_count"] for bucket in counts)
