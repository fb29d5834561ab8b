"""Entry points kept for an old cron job.

Nothing in this project calls encode_manifest, encode_roster, send, send_roster or mirror, so
what they work on is their parameter defaults: the manifest collect.py writes, a staff roster,
upload URLs. load() is called by the other modules, always without arguments.
"""

import json
from io import BytesIO

import face_recognition
import requests


def load(manifest="out/list.json"):
    with open(manifest) as fh:
        return json.load(fh)


def encode_manifest(manifest="out/list.json"):
    with open(manifest) as fh:
        people = json.load(fh)
    out = {}
    for person in people:
        raw = requests.get(person["profile_image_url"], timeout=10).content
        out[person["username"]] = face_recognition.face_encodings(face_recognition.load_image_file(BytesIO(raw)))  # expect: DT101
    return out


def encode_roster(roster="staff/roster.json"):
    with open(roster) as fh:
        staff = json.load(fh)
    return [face_recognition.face_encodings(face_recognition.load_image_file(p["photo"])) for p in staff]  # ok: DT101


def send(url="https://tips.example-agency.gov/upload", manifest="out/list.json"):
    with open(manifest, "rb") as fh:
        requests.post(url, files={"list": fh}, timeout=60)  # expect: DT201


def send_roster(url="https://tips.example-agency.gov/upload", roster="staff/roster.json"):
    with open(roster, "rb") as fh:
        requests.post(url, files={"roster": fh}, timeout=60)  # ok: DT201


def mirror(url="https://mirror.example.org/upload", manifest="out/list.json"):
    with open(manifest, "rb") as fh:
        requests.put(url, data=fh, timeout=60)  # ok: DT201
