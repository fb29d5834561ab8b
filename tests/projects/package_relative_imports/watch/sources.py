"""Subreddit images, yielded one by one (a generator is a return value too)."""

import praw
import requests

reddit = praw.Reddit(site_name="watch")


def subreddit_images(name, limit=50):
    for submission in reddit.subreddit(name).hot(limit=limit):
        if submission.url.endswith(".jpg"):
            yield submission.permalink, requests.get(submission.url, timeout=10).content
