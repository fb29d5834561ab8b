"""The subcommands: each gets the parsed namespace."""

import json
from pathlib import Path

import praw
import requests

STORE = Path("commenters.json")
reddit = praw.Reddit(client_id="id", client_secret="secret", user_agent="redwatch/0.2")


def collect(args):
    names = sorted({c.author.name for c in reddit.subreddit(args.subreddit).comments(limit=args.limit) if c.author})
    STORE.write_text(json.dumps(names))


def share(args):
    names = json.loads(STORE.read_text())
    requests.post(args.destination, json={"accounts": names}, timeout=30)  # expect: DT201
    requests.post(args.archive_url, json={"accounts": names}, timeout=30)  # ok: DT201


def stats(args):
    names = json.loads(STORE.read_text())
    requests.post(args.dashboard, json={"accounts": len(names)}, timeout=30)  # ok: DT201
