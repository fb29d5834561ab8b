"""The city's open-data portal gets weekly moderation totals; the bot posts the team's announcements."""

import datetime

import requests
import tweepy

from modq.models import FlaggedComment, ScheduledPost

OPEN_DATA = "https://opendata.example-city.gov/api/moderation"
x = tweepy.Client(consumer_key="k", consumer_secret="s", access_token="t", access_token_secret="ts")


def weekly_totals():
    open_items = FlaggedComment.objects.filter(resolved=False).count()
    done = FlaggedComment.objects.filter(resolved=True).count()
    requests.post(OPEN_DATA, json={"open": open_items, "resolved": done}, timeout=20)  # ok: DT201


def post_due():
    now = datetime.datetime.now()
    for post in ScheduledPost.objects.filter(due__lte=now):
        x.create_tweet(text=post.text)
        requests.post(OPEN_DATA, json={"announcement": post.text}, timeout=20)  # ok: DT201
