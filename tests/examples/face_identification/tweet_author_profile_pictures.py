"""Profile pictures of the authors of matching tweets, encoded with face_recognition.

A "who is posting about X" pipeline: search recent tweets with the author expansion, download
each author's profile picture and compare its face encodings with a watch list. Encoding and
comparing identify people (DT101); locating the faces first is face detection (DT102). The watch
list itself is built from a local photo and is not platform data.
"""

from io import BytesIO

import face_recognition
import numpy as np
import requests
import tweepy
from PIL import Image

BEARER_TOKEN = "AAAA-not-a-real-token"


def known_faces():
    image = face_recognition.load_image_file("watchlist/subject.jpg")
    return face_recognition.face_encodings(image)  # ok: DT101


def scan(query):
    client = tweepy.Client(bearer_token=BEARER_TOKEN)
    resp = client.search_recent_tweets(
        query=query,
        expansions=["author_id"],
        user_fields=["profile_image_url", "username"],
        max_results=100,
    )
    known = known_faces()
    hits = []
    for user in resp.includes["users"]:
        url = user.profile_image_url.replace("_normal", "_400x400")
        picture = requests.get(url, timeout=10)
        image = face_recognition.load_image_file(BytesIO(picture.content))
        locations = face_recognition.face_locations(image, model="hog")  # expect: DT102
        for encoding in face_recognition.face_encodings(image, locations):  # expect: DT101
            if any(face_recognition.compare_faces(known, encoding, tolerance=0.5)):  # ok: DT101
                hits.append(user.username)
    return hits


def encode_authors(query):
    client = tweepy.Client(BEARER_TOKEN)
    resp = client.search_recent_tweets(query, expansions="author_id", user_fields="profile_image_url")
    authors = {user.id: user for user in resp.includes["users"]}
    encodings = {}
    for tweet in resp.data:
        author = authors[tweet.author_id]
        raw = requests.get(author.profile_image_url).content
        pixels = np.array(Image.open(BytesIO(raw)).convert("RGB"))
        encodings[tweet.id] = face_recognition.face_encodings(pixels)  # expect: DT101
    return encodings
