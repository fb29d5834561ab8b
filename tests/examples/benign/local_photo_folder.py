"""Face encodings of photos in a local folder: a family album de-duplicator, no platform data.

The script does use praw, to post the album's link, but nothing read from Reddit reaches the
face code.
"""

from pathlib import Path

import face_recognition
import praw

reddit = praw.Reddit("albumbot")


def encode_album(folder="album"):
    encodings = {}
    for path in sorted(Path(folder).glob("*.jpg")):
        image = face_recognition.load_image_file(path)
        encodings[path.name] = face_recognition.face_encodings(image)  # ok: DT101
    return encodings


def same_person(a, b):
    return face_recognition.compare_faces([a], b)[0]  # ok: DT101


def share(folder="album"):
    people = encode_album(folder)
    reddit.subreddit("u_albumbot").submit(title=f"{len(people)} photos sorted", url="https://example.com/album")
