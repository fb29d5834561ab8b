"""Compares pictures with a watchlist of known faces (through a parameter; reported at the sink)."""

import os
from io import BytesIO

import face_recognition

from .config import WATCHLIST_DIR

KNOWN = [
    face_recognition.face_encodings(face_recognition.load_image_file(os.path.join(WATCHLIST_DIR, name)))[0]  # ok: DT101
    for name in sorted(os.listdir(WATCHLIST_DIR))
]


def identify(pictures):
    hits = {}
    for name, raw in pictures.items():
        for enc in face_recognition.face_encodings(face_recognition.load_image_file(BytesIO(raw))):  # expect: DT101
            hits[name] = face_recognition.compare_faces(KNOWN, enc)  # ok: DT101
    return hits
