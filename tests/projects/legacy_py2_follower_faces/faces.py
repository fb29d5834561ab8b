"""Face encodings: of the watch list's photos on disk, and of a profile picture by URL."""

import os
from StringIO import StringIO

import face_recognition
import requests


def load_watchlist(folder):
    known = []
    for name in sorted(os.listdir(folder)):
        if not name.lower().endswith((".jpg", ".png")):
            continue
        image = face_recognition.load_image_file(os.path.join(folder, name))
        known.extend(face_recognition.face_encodings(image))  # ok: DT101
    print "%d faces on the watch list" % len(known)
    return known


def encodings_of(picture_url):
    # the 48x48 "_normal" picture is too small for dlib; the original size is not
    url = picture_url.replace("_normal", "")
    response = requests.get(url, timeout=20)
    if response.status_code <> 200:
        return []
    image = face_recognition.load_image_file(StringIO(response.content))
    return face_recognition.face_encodings(image)  # expect: DT101
