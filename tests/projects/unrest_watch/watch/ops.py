"""Quiet look-alikes: outage keywords to the on-call channel, moderation of our own subreddits
(spam removed, protest threads locked), and daily counts (no one kept, nothing about a person
sent)."""

import collections
import datetime
import re

import praw
import requests
import tweepy
from slack_sdk import WebClient

from watch import config

reddit = praw.Reddit(client_id="not-a-real-id", client_secret="not-a-real-secret", user_agent="ops/0.9")
client = tweepy.Client(bearer_token=config.BEARER_TOKEN)
slack = WebClient(token=config.SLACK_TOKEN)
SPAM_RE = re.compile(config.SPAM_PATTERN, re.IGNORECASE)


def outage_alerts():
    for comment in reddit.subreddit(config.OPS_SUBREDDITS).stream.comments(skip_existing=True):
        body = comment.body.lower()
        if any(term in body for term in config.OUTAGE_TERMS):  # ok: DT303
            message = f"Possible outage (u/{comment.author}): {comment.body[:200]}"
            slack.chat_postMessage(channel=config.OPS_CHANNEL, text=message)


def moderate():
    for comment in reddit.subreddit(config.OWN_SUBREDDIT).stream.comments(skip_existing=True):
        if SPAM_RE.search(comment.body):  # ok: DT303
            comment.mod.remove(spam=True, mod_note="spam pattern")
            comment.reply(config.REMOVAL_NOTE)


def lock_protest_threads():
    """Our own news subreddit: protest threads are locked and pointed to the megathread."""
    for submission in reddit.subreddit(config.NEWS_SUBREDDIT).stream.submissions(skip_existing=True):
        if re.search(config.EVENT_PATTERN, submission.title, re.IGNORECASE):  # ok: DT303
            submission.mod.lock()
            submission.reply(body=config.LOCK_NOTE)


def unrest_mentions_per_day(limit=1000):
    per_day = collections.Counter()
    for submission in reddit.subreddit("worldnews").new(limit=limit):
        if re.search(config.EVENT_PATTERN, submission.title, re.IGNORECASE):  # ok: DT303
            day = datetime.datetime.fromtimestamp(submission.created_utc, datetime.UTC).date()
            per_day[day.isoformat()] += 1
    return dict(per_day)


def hashtag_volume(tag="#WorldCup"):
    resp = client.get_recent_tweets_count(f"{tag} -is:retweet", granularity="day")  # ok: DT303
    return {bucket["start"][:10]: bucket["tweet_count"] for bucket in resp.data}


def post_daily_volume():
    summary = {"text": f"Mentions of unrest per day: {unrest_mentions_per_day()}"}
    requests.post(config.SLACK_WEBHOOK_URL, json=summary, timeout=10)
