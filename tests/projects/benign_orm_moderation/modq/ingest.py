"""Pulls the subreddit's mod queue into the database."""

import praw

from modq.models import FlaggedComment

reddit = praw.Reddit(client_id="id", client_secret="secret", user_agent="modq/1.0")


def pull(subreddit):
    for item in reddit.subreddit(subreddit).mod.modqueue(limit=None):
        FlaggedComment.objects.get_or_create(comment_id=item.id, author=str(item.author), body=item.body)
