"""Archives a subreddit's new posts with their authors."""

import praw

from archive.models import Note, Post

reddit = praw.Reddit(client_id="id", client_secret="secret", user_agent="archive/1.0")


def archive(subreddit):
    for submission in reddit.subreddit(subreddit).new(limit=500):
        Post.create(author=submission.author.name, title=submission.title, subreddit=subreddit)


def remember(text):
    Note.insert(text=text).execute()
