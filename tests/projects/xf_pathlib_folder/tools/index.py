"""Indexes the saved faces by listing the folder with pathlib (iterdir, glob, rglob)."""

from pathlib import Path

import face_recognition

from tools.paths import FACES_DIR, REFERENCE_DIR


def index_iterdir():
    return {
        p.stem: face_recognition.face_encodings(face_recognition.load_image_file(p))  # expect: DT101
        for p in Path(FACES_DIR).iterdir()
    }


def index_glob():
    for p in Path(FACES_DIR).glob("*.jpg"):
        yield p.stem, face_recognition.face_encodings(face_recognition.load_image_file(str(p)))  # expect: DT101


def index_reference():
    for p in Path(REFERENCE_DIR).rglob("*.jpg"):
        yield p.stem, face_recognition.face_encodings(face_recognition.load_image_file(p))  # ok: DT101


def one(username):
    path = Path("data") / "faces" / f"{username}.jpg"
    return face_recognition.face_encodings(face_recognition.load_image_file(path))  # expect: DT101
