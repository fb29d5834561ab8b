"""A backup of one's own tweets to a local file and to one's own (non-government) server.

Platform data goes to disk and to a private host: neither is a face sink nor a public-sector
endpoint.
"""

import json

import requests
import tweepy

client = tweepy.Client(bearer_token="AAAA-not-a-real-token")


def backup(my_user_id, path="backup/tweets.json"):
    tweets = []
    for page in tweepy.Paginator(client.get_users_tweets, my_user_id, max_results=100, tweet_fields=["created_at"]):
        tweets.extend(t.data for t in page.data or [])
    with open(path, "w", encoding="utf-8") as fh:
        json.dump(tweets, fh, ensure_ascii=False, indent=2)
    requests.put("https://backup.example.com/me/tweets.json", json=tweets, timeout=30)  # ok: DT201
    return len(tweets)
