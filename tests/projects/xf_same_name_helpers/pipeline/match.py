"""Imports the tainting `load_pictures`: the same code here is a finding."""

from io import BytesIO

import face_recognition

from dashboard.fetch import send
from pipeline.fetch import load_pictures


def author_encodings(query):
    out = []
    for raw in load_pictures(query):
        image = face_recognition.load_image_file(BytesIO(raw))
        out.append(face_recognition.face_encodings(image))  # expect: DT101
    send({"query": query, "authors": len(out)})  # ok: DT201
    send({"encodings": out})
    return out
