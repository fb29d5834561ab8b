"""Aggregate sentiment about a city service, POSTed to the city's open-data portal (.gov).

Only counts, sums and means derived from the tweets are sent; each passes through a sanitizer
(len, sum, statistics.mean), so nothing that identifies anyone reaches the .gov host.
"""

import statistics

import requests
import tweepy

PORTAL = "https://data.cityofexample.gov/api/v1/sentiment"
POSITIVE = {"thanks", "great", "love", "fast"}
NEGATIVE = {"late", "broken", "dirty", "slow"}

client = tweepy.Client(bearer_token="AAAA-not-a-real-token")


def score(text):
    words = set(text.lower().split())
    return len(words & POSITIVE) - len(words & NEGATIVE)


def publish_daily(query="#citybus -is:retweet"):
    tweets = client.search_recent_tweets(query=query, max_results=100).data or []
    scores = [score(t.text) for t in tweets]
    payload = {
        "query": query,
        "total": len(tweets),
        "positive": sum(1 for s in scores if s > 0),
        "negative": sum(1 for s in scores if s < 0),
        "mean_score": statistics.mean(scores) if scores else 0.0,
        "authors": len({t.author_id for t in tweets}),
    }
    requests.post(PORTAL, json=payload, timeout=10)  # ok: DT201
    return payload
