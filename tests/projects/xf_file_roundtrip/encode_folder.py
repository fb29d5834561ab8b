"""Step 2b: walks the avatar folder three ways (os.listdir, os.walk, glob)."""

import glob
import os

import face_recognition

AVATARS = "avatars"


def by_listdir():
    out = {}
    for name in os.listdir(AVATARS):
        image = face_recognition.load_image_file(os.path.join(AVATARS, name))
        out[name] = face_recognition.face_encodings(image)  # expect: DT101
    return out


def by_walk():
    for root, _dirs, files in os.walk("avatars"):
        for name in files:
            image = face_recognition.load_image_file(os.path.join(root, name))
            yield name, face_recognition.face_locations(image)  # expect: DT102


def by_glob():
    return [
        face_recognition.face_encodings(face_recognition.load_image_file(path))  # expect: DT101
        for path in glob.glob("avatars/*.jpg")
    ]


def staff_badges():
    return [
        face_recognition.face_encodings(face_recognition.load_image_file(path))  # ok: DT101
        for path in glob.glob("badges/*.jpg")
    ]


def log_lines():
    with open("run.log") as fh:
        lines = fh.readlines()
    badge = face_recognition.load_image_file("badges/lobby.jpg")
    return lines, face_recognition.face_encodings(badge)  # ok: DT101
