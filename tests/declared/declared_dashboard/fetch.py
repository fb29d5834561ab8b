"""Reads the mentions of the project's own account and keeps them in a table."""

import sqlite3

import tweepy

client = tweepy.Client(bearer_token="AAAA-not-a-real-token")
db = sqlite3.connect("dashboard.db")


def mentions(my_id):
    found = client.get_users_mentions(my_id, max_results=100).data or []  # ok: DT601
    for tweet in found:
        db.execute("INSERT INTO mentions (id, text) VALUES (?, ?)", (tweet.id, tweet.text))  # ok: DT601
    return found
