"""Selects the stored avatars and encodes them; the runs table holds only counts."""

import sqlite3
from io import BytesIO

import face_recognition
import requests

import db

AUDIT = "https://audit.example.gov/api/runs"


def encode_people():
    conn = sqlite3.connect("osint.db")
    cur = conn.cursor()
    cur.execute("SELECT name, avatar FROM people")
    out = {}
    for name, avatar in cur.fetchall():
        out[name] = face_recognition.face_encodings(face_recognition.load_image_file(BytesIO(avatar)))  # expect: DT101
    return out


def report_runs():
    conn = sqlite3.connect("osint.db")
    rows = conn.execute("SELECT subreddit, n FROM runs").fetchall()
    requests.post(AUDIT, json=rows, timeout=10)  # ok: DT201


def locate_person(name):
    """The connection comes from a helper in db.py that returns sqlite3.connect(DB_PATH)."""
    row = db.connect().execute("SELECT avatar FROM people WHERE name = ?", (name,)).fetchone()
    return face_recognition.face_locations(face_recognition.load_image_file(BytesIO(row[0])))  # expect: DT102
