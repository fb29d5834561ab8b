"""Helpers that receive tweets but send only a count, or another argument, to a .gov host.

`report_volume` reduces the tweets to numbers; `submit` never uses its `tweets` parameter in the
request. Neither the helpers' requests nor the calls that pass the tweets are findings.
"""

import requests
import tweepy

GOV_URL = "https://data.cityofexample.gov/api/volume"
client = tweepy.Client(bearer_token="AAAA-not-a-real-token")


def report_volume(tweets):
    requests.post(GOV_URL, json={"count": len(tweets), "authors": len({t.author_id for t in tweets})})  # ok: DT201


def submit(note, tweets):
    requests.post(GOV_URL, json={"note": note})  # ok: DT201
    return tweets


def main(query):
    tweets = client.search_recent_tweets(query, tweet_fields=["author_id"]).data or []
    report_volume(tweets)  # ok: DT201
    submit("weekly volume report", tweets)  # ok: DT201
