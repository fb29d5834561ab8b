"""Where a finding goes when the sink is in a helper function.

`encode` holds the sink but receives its image through a parameter: the finding is at the sink
inside `encode` (DT101), one finding whose flows run through each call that passes platform data;
the calls that pass a local photo add none. `encode_all` only forwards its parameter, so its
callers' data reaches the same sink. When a helper *returns* platform data (`fetch_avatar`), the
data reaches the sink in the caller, and the finding is at that sink.
"""

from io import BytesIO
from pathlib import Path

import face_recognition as fr
import requests
import tweepy

CLIENT = tweepy.Client(bearer_token="AAAA-not-a-real-token")


def encode(image_bytes):
    return fr.face_encodings(fr.load_image_file(BytesIO(image_bytes)))  # expect: DT101


def encode_all(images):
    return [encode(raw) for raw in images]  # ok: DT101


def fetch_avatar(username):
    user = CLIENT.get_user(username=username, user_fields=["profile_image_url"]).data
    return requests.get(user.profile_image_url).content


def main(usernames):
    avatars = [fetch_avatar(name) for name in usernames]
    first = encode(avatars[0])
    everyone = encode_all(avatars)
    mine = encode(Path("me.jpg").read_bytes())  # ok: DT101
    direct = fr.face_encodings(fr.load_image_file(BytesIO(fetch_avatar("someone"))))  # expect: DT101
    return first, everyone, mine, direct
