"""Step 2: encode every face in the collected pictures and match it against a watch list."""

from io import BytesIO
from pathlib import Path

import face_recognition

from scrape import author_pictures


def load_watchlist(folder="watchlist"):
    known = {}
    for path in Path(folder).glob("*.jpg"):
        encodings = face_recognition.face_encodings(face_recognition.load_image_file(path))
        if encodings:
            known[path.stem] = encodings[0]
    return known


def find_matches(query, tolerance=0.5):
    """Usernames whose profile picture matches someone on the watch list."""
    watchlist = load_watchlist()
    matches = []
    for username, picture in author_pictures(query):
        image = face_recognition.load_image_file(BytesIO(picture))
        for encoding in face_recognition.face_encodings(image):
            distances = face_recognition.face_distance(list(watchlist.values()), encoding)
            for name, distance in zip(watchlist, distances):
                if distance <= tolerance:
                    matches.append({"username": username, "subject": name, "distance": float(distance)})
    return matches
