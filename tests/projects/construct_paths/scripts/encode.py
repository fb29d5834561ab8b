"""Encodes every face in the queue and in the avatar folder; the team's own photos and the
package's icons are handled by the same code for the staff directory."""

import glob
import os
from pathlib import Path

import face_recognition

from pipeline.paths import ASSETS, AVATARS


def encode_folder(folder):
    return [face_recognition.face_encodings(face_recognition.load_image_file(p))  # expect: DT101
            for p in glob.glob(os.path.join(folder, "*.jpg"))]


def encode_queue():
    return encode_folder(os.path.join(os.getcwd(), "queue"))


def encode_avatars():
    return [face_recognition.face_encodings(face_recognition.load_image_file(str(p)))  # expect: DT101
            for p in sorted(AVATARS.glob("*.jpg"))]


def encode_site_images():
    return [face_recognition.face_encodings(face_recognition.load_image_file(str(p)))  # ok: DT101
            for p in Path("site").iterdir()]


def encode_icons():
    return [face_recognition.face_encodings(face_recognition.load_image_file(str(p)))  # ok: DT101
            for p in ASSETS.glob("*.png")]


def encode_team():
    team = os.path.join(os.getcwd(), "team_photos")
    return [face_recognition.face_encodings(face_recognition.load_image_file(os.path.join(team, n)))  # ok: DT101
            for n in os.listdir(team)]
