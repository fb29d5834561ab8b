"""Attributes of `self` filled by a method call from outside, or assigned from outside.

`Gallery.add` stores bytes in `self.images` and `main` sets `gallery.cover` directly; both are
attributes of `self` when `encode` and `encode_cover` read them, so the findings are at those
sinks (README: an attribute of `self` counts like the function's own data). `Stats` receives the
same media but keeps only their sizes, and its sink stays quiet.
"""

from io import BytesIO

import face_recognition
import requests

GRAPH = "https://graph.facebook.com/v19.0"
OPEN_DATA = "https://opendata.example.gov/api/media-sizes"


class Gallery:
    def __init__(self):
        self.images = []
        self.cover = None

    def add(self, raw):
        self.images.append(raw)

    def encode(self):
        return [face_recognition.face_encodings(face_recognition.load_image_file(BytesIO(r)))  # expect: DT101
                for r in self.images]

    def encode_cover(self):
        return face_recognition.face_locations(face_recognition.load_image_file(BytesIO(self.cover)))  # expect: DT102


class Stats:
    def __init__(self):
        self.sizes = []

    def add(self, raw):
        self.sizes.append(len(raw))

    def publish(self):
        requests.post(OPEN_DATA, json={"sizes": self.sizes}, timeout=10)  # ok: DT201


def tagged_media(ig_user_id, token):
    resp = requests.get(f"{GRAPH}/{ig_user_id}/tags", params={"fields": "media_url", "access_token": token})
    return [requests.get(m["media_url"], timeout=10).content for m in resp.json()["data"]]


def main(ig_user_id, token):
    gallery, stats = Gallery(), Stats()
    media = tagged_media(ig_user_id, token)
    for raw in media:
        gallery.add(raw)
        stats.add(raw)
    gallery.cover = media[0]
    stats.publish()  # ok: DT201
    return gallery.encode(), gallery.encode_cover()
