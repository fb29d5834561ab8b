"""Reads the tables back in another module: faces from people and posts, reports of accounts."""

from io import BytesIO

import face_recognition
import requests

import store
from settings import INTAKE_URL, STATUS_URL


def _image(url):
    return face_recognition.load_image_file(BytesIO(requests.get(url, timeout=10).content))


def encode_people():
    conn = store.connect()
    known = {}
    for name, pic in conn.execute("SELECT name, pic FROM people").fetchall():
        known[name] = face_recognition.face_encodings(_image(pic))  # expect: DT101
    return known


def encode_post_authors():
    conn = store.connect()
    cur = conn.cursor()
    cur.execute("SELECT author, media_url FROM posts")
    out = []
    for author, media_url in cur:
        out.append((author, face_recognition.face_encodings(_image(media_url))))  # expect: DT101
    return out


def report_accounts():
    conn = store.connect()
    rows = conn.execute("SELECT handle, avatar, karma FROM accounts").fetchall()
    requests.post(INTAKE_URL, json={"accounts": rows}, timeout=30)  # expect: DT201


def heartbeat():
    """The options table holds only the tool's own settings."""
    conn = store.connect()
    options = dict(conn.execute("SELECT key, value FROM options").fetchall())
    requests.post(STATUS_URL, json=options, timeout=10)  # ok: DT201


def encode_staff():
    """The staff table only ever got the roster from a local CSV."""
    conn = store.connect()
    staff = {}
    for name, photo in conn.execute("SELECT name, photo FROM staff"):
        staff[name] = face_recognition.face_encodings(face_recognition.load_image_file(photo))  # ok: DT101
    return staff


def weekly_totals():
    """How many accounts and posts were collected: numbers only, for the agency's statistics desk."""
    conn = store.connect()
    (accounts,) = conn.execute("SELECT COUNT(*) FROM accounts").fetchone()
    (posts,) = conn.execute("SELECT COUNT(*) AS n FROM posts").fetchone()
    requests.post(INTAKE_URL, json={"accounts": accounts, "posts": posts}, timeout=10)  # ok: DT201
