"""Stores Reddit commenters and their avatar bytes in SQLite."""

import sqlite3

import praw
import requests

reddit = praw.Reddit(client_id="id", client_secret="secret", user_agent="ingest/0.1")


def ingest(subreddit):
    conn = sqlite3.connect("osint.db")
    conn.execute("CREATE TABLE IF NOT EXISTS people (name TEXT PRIMARY KEY, avatar BLOB)")
    conn.execute("CREATE TABLE IF NOT EXISTS runs (subreddit TEXT, n INTEGER)")
    seen = 0
    for comment in reddit.subreddit(subreddit).comments(limit=500):
        if comment.author:
            avatar = requests.get(comment.author.icon_img, timeout=10).content
            conn.execute("INSERT OR REPLACE INTO people (name, avatar) VALUES (?, ?)", (comment.author.name, avatar))
            seen += 1
    conn.execute("INSERT INTO runs (subreddit, n) VALUES (?, ?)", (subreddit, seen))
    conn.commit()
