"""Fills the evidence table from a redditor's submissions and a follower page, then matches faces."""

from io import BytesIO

import face_recognition
import praw
import requests
import tweepy

from evidence import EvidenceStore
from settings import INTAKE_URL, MIRROR_URL

reddit = praw.Reddit(client_id="id", client_secret="secret", user_agent="evidence/0.1")
x = tweepy.Client(bearer_token="AAAA-not-a-token")


def gather(name, user_id):
    store = EvidenceStore()
    for post in reddit.redditor(name).submissions.new(limit=50):
        store.add(post.author.name, post.url, "reddit")
    followers = x.get_users_followers(user_id, user_fields=["profile_image_url"]).data
    store.add_many([{"handle": u.username, "photo": u.profile_image_url, "source": "x"} for u in followers])
    return store


def match(store, probe_path):
    probe = face_recognition.face_encodings(face_recognition.load_image_file(probe_path))[0]  # ok: DT101
    hits = []
    for url in store.photos():
        image = face_recognition.load_image_file(BytesIO(requests.get(url, timeout=10).content))
        for encoding in face_recognition.face_encodings(image):  # expect: DT101
            if face_recognition.compare_faces([probe], encoding)[0]:  # ok: DT101
                hits.append(url)
    return hits


def share(store):
    photos = store.photos()
    requests.post(INTAKE_URL, json={"photos": photos}, timeout=30)  # expect: DT201
    requests.post(MIRROR_URL, json={"photos": photos}, timeout=30)  # ok: DT201


def main(name, user_id, probe_path):
    store = gather(name, user_id)
    share(store)
    return match(store, probe_path)
