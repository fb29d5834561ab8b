"""peewee models of a Reddit archive."""

import peewee

db = peewee.SqliteDatabase("archive.db")


class BaseModel(peewee.Model):
    class Meta:
        database = db


class Post(BaseModel):
    author = peewee.CharField()
    title = peewee.TextField()
    subreddit = peewee.CharField()


class Note(BaseModel):
    text = peewee.TextField()
