"""Matches the stored accounts' avatars against a probe face and sends the sightings to police."""

from io import BytesIO

import face_recognition
import requests
from sqlalchemy import select

from watch.db import Account, Session, Sighting, Volunteer
from watch.settings import INTAKE_URL, STATS_URL


def avatars():
    session = Session()
    return [a.avatar_url for a in session.query(Account).all()]


def staff_photos(session):
    return [v.photo for v in session.scalars(select(Volunteer))]


def match(probe_path):
    probe = face_recognition.face_encodings(face_recognition.load_image_file(probe_path))[0]  # ok: DT101
    hits = []
    for url in avatars():
        image = face_recognition.load_image_file(BytesIO(requests.get(url, timeout=10).content))
        for encoding in face_recognition.face_encodings(image):  # expect: DT101
            if face_recognition.compare_faces([probe], encoding)[0]:
                hits.append(url)
    return hits


def badge_check(session, photo_path):
    for path in staff_photos(session):
        face_recognition.face_encodings(face_recognition.load_image_file(path))  # ok: DT101


def report(session):
    rows = session.execute(select(Sighting.handle, Sighting.place).where(Sighting.place != "")).all()
    requests.post(INTAKE_URL, json=[{"handle": h, "place": p} for h, p in rows], timeout=30)  # expect: DT201


def weekly(session):
    count = session.query(Sighting).count()
    requests.post(STATS_URL, json={"sightings": count}, timeout=30)  # ok: DT201
