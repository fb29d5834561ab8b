"""Reddit side: who is active in a community, and what one account posted."""

import praw

from linker.settings import USER_AGENT

reddit = praw.Reddit(client_id="not-a-real-id", client_secret="not-a-real-secret", user_agent=USER_AGENT)


def active_commenters(subreddit, limit=500):
    names = []
    for comment in reddit.subreddit(subreddit).comments(limit=limit):
        if comment.author is not None and comment.author.name not in names:
            names.append(comment.author.name)
    return names


def recent_titles(subreddit, limit=200):
    return [(s.id, s.title) for s in reddit.subreddit(subreddit).new(limit=limit)]


def thread_pairs(submission_id):
    """(commenter, original poster) pairs of one thread."""
    submission = reddit.submission(id=submission_id)
    submission.comments.replace_more(limit=0)
    return [(c.author.name, submission.author.name) for c in submission.comments.list() if c.author]
