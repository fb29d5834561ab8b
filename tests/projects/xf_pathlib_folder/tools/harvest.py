"""Saves Reddit users' avatars with pathlib (a path joined in a helper, write_bytes)."""

from pathlib import Path

import praw
import requests

from tools.paths import FACES_DIR, face_path

reddit = praw.Reddit(client_id="id", client_secret="secret", user_agent="harvest/0.1")


def harvest(subreddit, limit=200):
    Path(FACES_DIR).mkdir(parents=True, exist_ok=True)
    for post in reddit.subreddit(subreddit).new(limit=limit):
        if post.author is None:
            continue
        icon = requests.get(post.author.icon_img, timeout=10).content
        face_path(post.author.name).write_bytes(icon)


def harvest_direct(name):
    user = reddit.redditor(name)
    (Path(FACES_DIR) / f"{user.name}.jpg").write_bytes(requests.get(user.icon_img, timeout=10).content)
