"""Taint through objects: `__init__`, attributes of `self`, static and class methods, properties.

`WatchlistBuilder.collect` stores X data in `self.avatars`; `encode_all` reads it back in another
method, so the sink is where it reads the attribute. `ProfileCache.from_username` is a class
method that builds an instance holding Reddit data; `.portrait` is a property returning it.
`Uploader.send` is a static method with its sink on a parameter (reported at its sink).
`Auditor` keeps its platform data to itself and never passes it on.
"""

from io import BytesIO

import face_recognition
import praw
import requests
import tweepy

GOV_TIPS = "https://tips.example.gov/api/submit"


class WatchlistBuilder:
    def __init__(self, bearer_token):
        self.client = tweepy.Client(bearer_token=bearer_token)
        self.avatars = {}

    def collect(self, query):
        resp = self.client.search_recent_tweets(query, expansions=["author_id"],
                                                user_fields=["profile_image_url"])
        for user in resp.includes["users"]:
            self.avatars[user.username] = requests.get(user.profile_image_url).content

    def encode_all(self):
        return {
            name: face_recognition.face_encodings(face_recognition.load_image_file(BytesIO(raw)))  # expect: DT101
            for name, raw in self.avatars.items()
        }


class ProfileCache:
    reddit = praw.Reddit(client_id="id", client_secret="secret", user_agent="watch/0.1")

    def __init__(self, redditor):
        self._redditor = redditor

    @classmethod
    def from_username(cls, name):
        return cls(cls.reddit.redditor(name))

    @property
    def portrait(self):
        return requests.get(self._redditor.icon_img).content

    @staticmethod
    def encode(raw):
        return face_recognition.face_encodings(face_recognition.load_image_file(BytesIO(raw)))  # expect: DT101


class Uploader:
    @staticmethod
    def send(payload):
        requests.post(GOV_TIPS, json=payload, timeout=10)  # expect: DT201


class Auditor:
    """Counts what it sees; the stored tweets never leave the object."""

    def __init__(self, client):
        self.tweets = client.search_recent_tweets("city council").data or []

    def report(self):
        requests.post(GOV_TIPS, json={"kind": "audit", "status": "ok"}, timeout=10)  # ok: DT201


def main(query, names):
    builder = WatchlistBuilder("AAAA-not-a-real-token")
    builder.collect(query)
    encodings = builder.encode_all()
    Uploader.send({"matches": list(encodings)})
    Uploader.send({"status": "started"})  # ok: DT201
    for name in names:
        cache = ProfileCache.from_username(name)
        ProfileCache.encode(cache.portrait)
        face_recognition.face_encodings(face_recognition.load_image_file(BytesIO(cache.portrait)))  # expect: DT101
    Auditor(tweepy.Client(bearer_token="AAAA")).report()  # ok: DT201
