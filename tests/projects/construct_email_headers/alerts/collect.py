"""Commenters of the watched subreddits, with what they wrote."""

import praw

reddit = praw.Reddit(client_id="id", client_secret="secret", user_agent="alerts/0.3")


def commenters(subreddit, limit=200):
    rows = []
    for comment in reddit.subreddit(subreddit).comments(limit=limit):
        rows.append({"author": str(comment.author), "body": comment.body, "permalink": comment.permalink})
    return rows
