"""Saves pictures under pictures/<id>.jpg (the data arrives through the `raw` parameter)."""

import os

PICTURES = "pictures"


def save(user_id, raw):
    os.makedirs(PICTURES, exist_ok=True)
    with open(os.path.join(PICTURES, f"{user_id}.jpg"), "wb") as fh:
        fh.write(raw)
