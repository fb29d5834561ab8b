"""Sends the archive's authors to a police intake; the weekly count and the notes are fine."""

import requests

from archive.models import Note, Post

POLICE = "https://tips.police.example.gov/reddit"
STATS = "https://data.example.gov/weekly"


def send_authors():
    authors = [p.author for p in Post.select().where(Post.subreddit == "protests")]
    requests.post(POLICE, json={"authors": authors}, timeout=20)  # expect: DT201


def send_count():
    requests.post(STATS, json={"posts": Post.select().count()}, timeout=20)  # ok: DT201


def send_notes():
    requests.post(STATS, json=[n.text for n in Note.select()], timeout=20)  # ok: DT201
