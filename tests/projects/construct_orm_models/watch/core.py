"""The same watch list in SQLAlchemy Core: profile photos of a subreddit's posters, matched by face."""

import face_recognition
import praw
import requests
from sqlalchemy import Column, MetaData, String, Table, create_engine, insert, select

from watch.settings import DATABASE_URL

metadata = MetaData()
photos = Table("photos", metadata, Column("author", String), Column("url", String))
logos = Table("logos", metadata, Column("brand", String), Column("url", String))
engine = create_engine(DATABASE_URL)
reddit = praw.Reddit(client_id="id", client_secret="secret", user_agent="core/0.1")


def collect(subreddit):
    with engine.begin() as conn:
        for post in reddit.subreddit(subreddit).new(limit=100):
            conn.execute(insert(photos).values(author=post.author.name, url=post.author.icon_img))


def collect_many(subreddit):
    rows = [{"author": p.author.name, "url": p.url} for p in reddit.subreddit(subreddit).hot(limit=100)]
    with engine.connect() as conn:
        conn.execute(photos.insert(), rows)


def add_logo(brand, url):
    with engine.begin() as conn:
        conn.execute(logos.insert().values(brand=brand, url=url))


def encode_authors():
    with engine.connect() as conn:
        for author, url in conn.execute(select(photos).where(photos.c.url != "")):
            image = face_recognition.load_image_file(requests.get(url, stream=True, timeout=10).raw)
            yield author, face_recognition.face_encodings(image)  # expect: DT101


def encode_logos():
    with engine.connect() as conn:
        for _, url in conn.execute(logos.select()):
            image = face_recognition.load_image_file(requests.get(url, stream=True, timeout=10).raw)
            yield face_recognition.face_encodings(image)  # ok: DT101
