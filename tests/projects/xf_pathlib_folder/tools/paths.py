"""Where the tool keeps its data."""

from pathlib import Path

FACES_DIR = "data/faces"
REFERENCE_DIR = "data/reference"


def face_path(username):
    return Path(FACES_DIR) / f"{username}.jpg"
