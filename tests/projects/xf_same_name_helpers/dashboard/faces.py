"""Counts faces in team photos for the dashboard; imports the harmless `load_pictures`."""

from io import BytesIO

import face_recognition

from dashboard.fetch import load_pictures, send


def team_face_counts():
    counts = {}
    for i, raw in enumerate(load_pictures("staff")):
        image = face_recognition.load_image_file(BytesIO(raw))
        counts[i] = len(face_recognition.face_encodings(image))  # ok: DT101
    send({"faces": counts})  # ok: DT201
    return counts
