"""More shapes real scrapers take: a module-level cache filled through `global`, a dataclass,
inheritance with a sink in the base class, a callable object, and thread pools.

`refresh_cache` fills `CACHE` with Reddit avatars; `encode_cache` reads the global in another
function. `Target` is a dataclass holding a picture. `BaseMatcher.match` holds the sink, and
`RedditMatcher` overrides the `pictures` it calls on `self`. `ThreadPoolExecutor.map` and `submit` run the fetcher.
"""

from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from io import BytesIO

import face_recognition
import praw
import requests

reddit = praw.Reddit(client_id="id", client_secret="secret", user_agent="cache/0.1")
CACHE = {}


def refresh_cache(names):
    global CACHE
    CACHE = {name: requests.get(reddit.redditor(name).icon_img, timeout=10).content for name in names}


def encode_cache():
    return {n: face_recognition.face_encodings(face_recognition.load_image_file(BytesIO(raw)))  # expect: DT101
            for n, raw in CACHE.items()}


@dataclass
class Target:
    name: str
    picture: bytes = b""
    tags: list = field(default_factory=list)


def to_target(name):
    return Target(name=name, picture=requests.get(reddit.redditor(name).icon_img, timeout=10).content)


class BaseMatcher:
    def pictures(self):
        return []

    def match(self):
        return [face_recognition.face_encodings(face_recognition.load_image_file(BytesIO(raw)))  # expect: DT101
                for raw in self.pictures()]


class RedditMatcher(BaseMatcher):
    def __init__(self, names):
        self.names = names

    def pictures(self):
        return [fetch_icon(n) for n in self.names]


class Encoder:
    def __init__(self, model="hog"):
        self.model = model

    def __call__(self, raw):
        return face_recognition.face_encodings(face_recognition.load_image_file(BytesIO(raw)), model=self.model)  # expect: DT101


def fetch_icon(name):
    return requests.get(reddit.redditor(name).icon_img, timeout=10).content


def main(names):
    refresh_cache(names)
    encode_cache()
    target = to_target(names[0])
    face_recognition.face_encodings(face_recognition.load_image_file(BytesIO(target.picture)))  # expect: DT101
    RedditMatcher(names).match()
    encoder = Encoder("cnn")
    encoder(target.picture)
    encoder(fetch_icon(names[1]))
    # Naming the method explicitly reaches the same sink; calling the instance should too.
    encoder.__call__(fetch_icon(names[2]))
    encoder(open("staff/alice.jpg", "rb").read())  # ok: DT101
    with ThreadPoolExecutor(max_workers=8) as pool:
        icons = list(pool.map(fetch_icon, names))
        future = pool.submit(fetch_icon, names[0])
    face_recognition.face_encodings(face_recognition.load_image_file(BytesIO(icons[0])))  # expect: DT101
    face_recognition.face_encodings(face_recognition.load_image_file(BytesIO(future.result())))  # expect: DT101
    blank = Target(name="placeholder")
    face_recognition.face_encodings(face_recognition.load_image_file(BytesIO(blank.picture)))  # ok: DT101
