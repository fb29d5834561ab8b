"""Collectors whose nested callbacks rebind the enclosing function's variables with nonlocal."""

from io import BytesIO

import face_recognition
import praw
import requests
import tweepy
from geopy.geocoders import Nominatim

from settings import AGENT, CASE_URL, HEADQUARTERS

# Module globals with the same names as the collectors' enclosing variables; they only ever hold
# the office's own data.
photos = []
last_place = HEADQUARTERS
batch = []

client = tweepy.Client(bearer_token="AAAA-not-a-token")
reddit = praw.Reddit(client_id="id", client_secret="secret", user_agent="casework/3.1")


def _image(url):
    return face_recognition.load_image_file(BytesIO(requests.get(url, timeout=10).content))


def follower_faces(user_id):
    photos = []

    def on_page(page):
        nonlocal photos
        photos = photos + [user.profile_image_url for user in page.data or []]

    token = None
    while True:
        page = client.get_users_followers(user_id, max_results=1000, pagination_token=token, user_fields=["profile_image_url"])
        on_page(page)
        token = page.meta.get("next_token")
        if not token:
            break
    return [face_recognition.face_encodings(_image(url)) for url in photos]  # expect: DT101


def where_they_posted(query):
    last_place = None

    def remember(user):
        nonlocal last_place
        if user.location:
            last_place = user.location

    found = client.search_recent_tweets(query=query, expansions=["author_id"], user_fields=["location"])
    for user in found.includes.get("users", []):
        remember(user)
    return Nominatim(user_agent=AGENT).geocode(last_place)  # expect: DT302


def redditor_batches(name):
    batch = []
    sent = 0

    def flush():
        nonlocal batch, sent
        requests.post(CASE_URL, json={"posts": batch}, timeout=30)  # expect: DT201
        sent += len(batch)
        batch = []

    def add(submission):
        nonlocal batch
        batch = batch + [{"author": submission.author.name, "url": submission.url}]
        if len(batch) >= 50:
            flush()

    for submission in reddit.redditor(name).submissions.new(limit=500):
        add(submission)
    flush()
    requests.post(CASE_URL, json={"sent": sent}, timeout=30)  # ok: DT201
    return sent


def two_levels(user_id):
    handles = []

    def outer():
        def inner(page):
            nonlocal handles
            handles = handles + [user.username for user in page.data or []]

        inner(client.get_users_followers(user_id, user_fields=["username"]))

    outer()
    requests.post(CASE_URL, json={"handles": handles}, timeout=30)  # expect: DT201


def office_faces(folder):
    global photos
    photos = [f"{folder}/{n}.jpg" for n in ("reception", "lobby")]
    return [face_recognition.face_encodings(face_recognition.load_image_file(path)) for path in photos]  # ok: DT101


def office_geocode():
    return Nominatim(user_agent=AGENT).geocode(last_place)  # ok: DT302


def send_pending():
    requests.post(CASE_URL, json={"batch": batch}, timeout=30)  # ok: DT201
