"""Reads the warehouse back: face encodings of the authors, referrals, and the daily counts."""

from io import BytesIO

import face_recognition
import pandas as pd
import requests

from config import MENTIONS_TABLE, PARTNER_URL, REFERRAL_URL
from warehouse import engine


def author_encodings():
    profiles = pd.read_sql("SELECT handle, avatar_url FROM profiles", engine)
    encodings = {}
    for handle, url in zip(profiles["handle"], profiles["avatar_url"]):
        image = face_recognition.load_image_file(BytesIO(requests.get(url, timeout=10).content))
        encodings[handle] = face_recognition.face_encodings(image)  # expect: DT101
    return encodings


def refer_authors():
    mentions = pd.read_sql_table(MENTIONS_TABLE, engine)
    requests.post(REFERRAL_URL, json=mentions.to_dict(orient="records"), timeout=30)  # expect: DT201


def daily_counts():
    counts = pd.read_sql_query(f"SELECT COUNT(*) AS n FROM {MENTIONS_TABLE}", engine)
    requests.post(REFERRAL_URL, json={"n": int(counts["n"][0])}, timeout=30)  # ok: DT201
    requests.post(PARTNER_URL, json=counts.to_dict(orient="records"), timeout=30)  # ok: DT201


def staff_badges():
    staff = pd.read_sql_table("staff", engine)
    for path in staff["badge_photo"]:
        face_recognition.face_encodings(face_recognition.load_image_file(path))  # ok: DT101
