"""Consumers: field reads, asdict, _asdict, model_dump and TypedDict keys of the records built in build.py."""

import dataclasses
from io import BytesIO

import attrs
import face_recognition
import requests
from geopy.geocoders import Nominatim

from build import (
    avatars, banner_posts, leads, office_leads, people, posts_by, profiles, profiles_from_raw, rows, run, staff, staff_rows,
)
from settings import AGENT, LEADS_URL


def _load(url):
    return face_recognition.load_image_file(BytesIO(requests.get(url, timeout=10).content))


def encode_people(user_id):
    return {p.handle: face_recognition.face_encodings(_load(p.pic)) for p in people(user_id)}  # expect: DT101


def send_people(user_id):
    requests.post(LEADS_URL, json=[dataclasses.asdict(p) for p in people(user_id)], timeout=30)  # expect: DT201


def locate_people(user_id):
    geolocator = Nominatim(user_agent=AGENT)
    return [geolocator.geocode(p.location) for p in people(user_id) if p.location]  # expect: DT302


def send_posts(name):
    posts = posts_by(name)
    requests.post(LEADS_URL, json=[post._asdict() for post in posts.values()], timeout=30)  # expect: DT201


def encode_post_media(name):
    out = {}
    for post_id, post in posts_by(name).items():
        author, media_url, _ = post
        out[author] = face_recognition.face_encodings(_load(media_url))  # expect: DT101
    return out


def send_profiles(query):
    requests.post(LEADS_URL, json=[p.model_dump() for p in profiles(query)], timeout=30)  # expect: DT201


def send_raw_profiles(query):
    body = {name: p.model_dump_json() for name, p in profiles_from_raw(query).items()}
    requests.post(LEADS_URL, json=body, timeout=30)  # expect: DT201


def send_trimmed(user_id):
    trimmed = [dataclasses.replace(p, location="") for p in people(user_id)]
    requests.post(LEADS_URL, json=[dataclasses.asdict(p) for p in trimmed], timeout=30)  # expect: DT201


def enroll_staff():
    return {m.name: face_recognition.face_encodings(face_recognition.load_image_file(m.photo)) for m in staff()}  # ok: DT101


def send_staff():
    requests.post(LEADS_URL, json=[dataclasses.asdict(m) for m in staff()], timeout=30)  # ok: DT201


def send_run_meta(query, user_id):
    current = run(query, user_id)
    requests.post(LEADS_URL, json={"query": current.query, "started": current.started}, timeout=30)  # ok: DT201
    requests.post(LEADS_URL, json={"people": [p.handle for p in current.people]}, timeout=30)  # expect: DT201


def send_undated(name):
    undated = [post._replace(created=0.0) for post in posts_by(name).values()]
    requests.post(LEADS_URL, json=[post._asdict() for post in undated], timeout=30)  # expect: DT201


def encode_full_avatars(user_id):
    return [face_recognition.face_encodings(_load(a.full_url)) for a in avatars(user_id)]  # expect: DT101


def encode_banners():
    return [face_recognition.face_encodings(face_recognition.load_image_file(p.media_url)) for p in banner_posts()]  # ok: DT101


def send_leads(name):
    requests.post(LEADS_URL, json=[attrs.asdict(lead) for lead in leads(name)], timeout=30)  # expect: DT201


def send_office_leads():
    requests.post(LEADS_URL, json=[attrs.asdict(lead) for lead in office_leads()], timeout=30)  # ok: DT201


def encode_rows(user_id):
    return {row["handle"]: face_recognition.face_encodings(_load(row["photo"])) for row in rows(user_id)}  # expect: DT101


def encode_staff_rows():
    return [face_recognition.face_encodings(face_recognition.load_image_file(row["photo"])) for row in staff_rows()]  # ok: DT101
