"""Helpers that touch platform data without passing it on must stay quiet.

`count_faces_seen` reduces tweets to numbers before its request; `pick_reference` receives the
tweets but returns its other argument; `Summary` keeps tweets in an attribute that no method sends
anywhere; `post_update` is a bot that only writes to X. One helper, `thumbnail`, is called both
with platform data and with a local photo: only the call with platform data is a finding.
"""

import statistics
from io import BytesIO

import face_recognition
import requests
import tweepy

client = tweepy.Client(bearer_token="AAAA-not-a-real-token", consumer_key="k", consumer_secret="s",
                       access_token="t", access_token_secret="ts")
STATS_URL = "https://stats.example.gov/api/volume"


def count_faces_seen(tweets):
    lengths = [len(t.text) for t in tweets]
    body = {"n": len(tweets), "mean_length": statistics.mean(lengths) if lengths else 0}
    requests.post(STATS_URL, json=body, timeout=10)  # ok: DT201


def pick_reference(tweets, fallback_path):
    del tweets
    return open(fallback_path, "rb").read()


def thumbnail(raw):
    return face_recognition.load_image_file(BytesIO(raw))


class Summary:
    def __init__(self, tweets):
        self.tweets = tweets
        self.total = sum(1 for _ in tweets)

    def publish(self):
        requests.post(STATS_URL, json={"total": self.total}, timeout=10)  # ok: DT201


def post_update(text):
    media_photo = face_recognition.load_image_file("assets/banner.jpg")
    if face_recognition.face_encodings(media_photo):  # ok: DT101
        client.create_tweet(text=text)


def main(query):
    resp = client.search_recent_tweets(query, expansions=["author_id"], user_fields=["profile_image_url"])
    tweets = resp.data or []
    count_faces_seen(tweets)  # ok: DT201
    reference = pick_reference(tweets, "reference/me.jpg")
    face_recognition.face_encodings(face_recognition.load_image_file(BytesIO(reference)))  # ok: DT101
    Summary(tweets).publish()  # ok: DT201
    post_update(f"Saw {len(tweets)} tweets today")
    face_recognition.face_encodings(thumbnail(reference))  # ok: DT101
    avatar = requests.get(resp.includes["users"][0].profile_image_url).content
    face_recognition.face_encodings(thumbnail(avatar))  # expect: DT101
    requests.post(STATS_URL, json={"query": query, "count": len(tweets)}, timeout=10)  # ok: DT201
