"""Platform data carried through tuples, comprehensions, dicts and lists before a face sink.

`avatars` returns (username, picture bytes) pairs downloaded from X; each function below moves
them through one everyday construct. The data enters each function through a call's return
value, so the finding is at the sink.
"""

from io import BytesIO

import face_recognition as fr
import numpy as np
import requests
import tweepy
from PIL import Image

client = tweepy.Client(bearer_token="AAAA-not-a-real-token")


def avatars(query):
    resp = client.search_recent_tweets(query, expansions="author_id", user_fields="profile_image_url")
    return [(u.username, requests.get(u.profile_image_url).content) for u in resp.includes["users"]]


def tuple_unpacking(query):
    results = {}
    for username, raw in avatars(query):
        results[username] = fr.face_encodings(fr.load_image_file(BytesIO(raw)))  # expect: DT101
    return results


def nested_unpacking(query):
    (first_name, first_raw), *rest = avatars(query)
    return first_name, fr.face_encodings(fr.load_image_file(BytesIO(first_raw)))  # expect: DT101


def comprehensions(query):
    images = [fr.load_image_file(BytesIO(raw)) for _, raw in avatars(query)]
    return [fr.face_encodings(img) for img in images]  # expect: DT101


def dict_update(query):
    by_user = {}
    for username, raw in avatars(query):
        by_user.update({username: raw})
    return {name: fr.face_encodings(fr.load_image_file(BytesIO(raw))) for name, raw in by_user.items()}  # expect: DT101


def subscript_assignment(query):
    cache = {}
    for username, raw in avatars(query):
        cache[username] = np.array(Image.open(BytesIO(raw)))
    return fr.face_encodings(cache[next(iter(cache))])  # expect: DT101


def list_extend_and_append(query):
    batch = []
    batch.extend(raw for _, raw in avatars(query))
    images = []
    for raw in batch:
        images.append(np.array(Image.open(BytesIO(raw)).convert("RGB")))
    return [fr.face_encodings(image) for image in images]  # expect: DT101


def only_names_leave(query):
    names = [name for name, _ in avatars(query)]
    return fr.face_encodings(fr.load_image_file(f"staff/{len(names)}.jpg"))  # ok: DT101
