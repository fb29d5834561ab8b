"""Config dicts passed as arguments and as parameter defaults."""

import os

import face_recognition
import requests

from collect import followers
from settings import PICS, STAFF


def push(dest, rows):
    requests.post(dest["url"], json=rows, timeout=30)  # expect: DT201


def push_counts(dest, counts):
    requests.post(dest["url"], json=counts, timeout=30)  # ok: DT201


def encode_folder(cfg=PICS):
    folder = cfg["folder"]
    return {name: face_recognition.face_encodings(face_recognition.load_image_file(os.path.join(folder, name))) for name in os.listdir(folder)}  # expect: DT101


def encode_staff(cfg=STAFF):
    folder = cfg["folder"]
    return {name: face_recognition.face_encodings(face_recognition.load_image_file(os.path.join(folder, name))) for name in os.listdir(folder)}  # ok: DT101


def main(user_id):
    users = followers(user_id)
    push(PICS, [{"handle": u.username, "pic": u.profile_image_url} for u in users])
    push_counts(PICS, {"followers": 1000, "run": "nightly"})
