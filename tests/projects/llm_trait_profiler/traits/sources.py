"""Posts: one Reddit account's comments, one Mastodon account's statuses, a community's comments."""

import html
import re

import praw
from mastodon import Mastodon

reddit = praw.Reddit(client_id="not-a-real-id", client_secret="not-a-real-secret", user_agent="traits/0.2")
masto = Mastodon(access_token="not-a-real-token", api_base_url="https://mastodon.social")
TAG = re.compile(r"<[^>]+>")


def redditor_comments(username, limit=200):
    return [c.body for c in reddit.redditor(username).comments.new(limit=limit)]


def mastodon_statuses(acct, limit=40):
    account = masto.account_lookup(acct)
    return [html.unescape(TAG.sub(" ", s.content)) for s in masto.account_statuses(account.id, limit=limit)]


def community_comments(subreddit, limit=1000):
    """(author, created_utc, body) for recent comments of a subreddit."""
    return [
        (c.author.name, c.created_utc, c.body)
        for c in reddit.subreddit(subreddit).comments(limit=limit)
        if c.author is not None
    ]
