"""Encodes every face in the downloaded folders and matches them against a probe photo."""

import glob
import os

import face_recognition
from deepface import DeepFace

from settings import GALLERY_ROOT, HIGHLIGHTS_DIR, POSTS_DIR, STAFF_DIR, STORIES_DIR, TAGGED_DIR


def _jpegs(folder):
    return [os.path.join(folder, name) for name in os.listdir(folder) if name.endswith(".jpg")]


def encode_posts():
    known = []
    for path in _jpegs(POSTS_DIR):
        image = face_recognition.load_image_file(path)
        known.extend(face_recognition.face_encodings(image))  # expect: DT101
    return known


def match_stories(probe_path):
    return DeepFace.find(img_path=probe_path, db_path=STORIES_DIR, model_name="ArcFace")  # expect: DT101


def match_highlights(probe_path):
    return DeepFace.find(img_path=probe_path, db_path=HIGHLIGHTS_DIR)  # expect: DT101


def encode_tagged():
    encodings = []
    for path in glob.glob(os.path.join(TAGGED_DIR, "*.jpg")):
        encodings.extend(face_recognition.face_encodings(face_recognition.load_image_file(path)))  # expect: DT101
    return encodings


def encode_gallery():
    encodings = []
    for path in glob.glob(os.path.join(GALLERY_ROOT, "*", "*.jpg")):
        encodings.extend(face_recognition.face_encodings(face_recognition.load_image_file(path)))  # expect: DT101
    return encodings


def encode_staff():
    return [face_recognition.face_encodings(face_recognition.load_image_file(p)) for p in _jpegs(STAFF_DIR)]  # ok: DT101
