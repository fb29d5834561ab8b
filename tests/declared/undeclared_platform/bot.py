"""Counts X mentions (declared), and started reading a subreddit into a file (not declared)."""

import json

import praw
import tweepy

client = tweepy.Client(bearer_token="AAAA-not-a-real-token")
reddit = praw.Reddit(client_id="id", client_secret="secret", user_agent="bot")


def mention_count(my_id):
    mentions = client.get_users_mentions(my_id).data or []  # ok: DT601
    return len(mentions)  # ok: DT601


def save_subreddit(name):
    posts = [p.title for p in reddit.subreddit(name).hot(limit=50)]  # expect: DT601
    with open("posts.json", "w") as handle:
        json.dump(posts, handle)  # expect: DT601
    return len(posts)  # expect: DT601
