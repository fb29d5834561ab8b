"""Encodes faces found in the archived videos' frames and clips; the team's own intro stays out."""

import glob
import os

import cv2
import face_recognition

from settings import ARCHIVE, CLIPS


def first_frame(path):
    ok, frame = cv2.VideoCapture(path).read()
    return cv2.cvtColor(frame, cv2.COLOR_BGR2RGB) if ok else None


def index_archive():
    index = {}
    for folder, _, names in os.walk(ARCHIVE):
        for name in names:
            frame = first_frame(os.path.join(folder, name))
            index[name] = face_recognition.face_encodings(frame)  # expect: DT101
    return index


def index_clips():
    return {p: face_recognition.face_encodings(first_frame(p)) for p in glob.glob(CLIPS + "/*.mp4")}  # expect: DT101


def intro_faces():
    return face_recognition.face_encodings(first_frame(os.path.join("assets", "intro.mp4")))  # ok: DT101
