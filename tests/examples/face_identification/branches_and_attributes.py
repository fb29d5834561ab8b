"""Platform data that may or may not reach the sink depending on a branch, and a class that keeps
downloaded pictures on `self` between methods.

If one branch assigns platform data, the sink after the branches may see it (DT101). The class
stores pictures in one method and encodes them in another; the data reaches the sink through a
`self` attribute, so the finding is at the sink.
"""

from io import BytesIO
from pathlib import Path

import face_recognition as fr
import requests
import tweepy

client = tweepy.Client(bearer_token="AAAA-not-a-real-token")


def avatar_or_default(username, use_platform):
    if use_platform:
        user = client.get_user(username=username, user_fields=["profile_image_url"]).data
        picture = requests.get(user.profile_image_url).content
    else:
        picture = Path("assets/default.jpg").read_bytes()
    return fr.face_encodings(fr.load_image_file(BytesIO(picture)))  # expect: DT101


def default_in_both_branches(username, small):
    client.get_user(username=username)
    if small:
        picture = Path("assets/default_small.jpg").read_bytes()
    else:
        picture = Path("assets/default.jpg").read_bytes()
    return fr.face_encodings(fr.load_image_file(BytesIO(picture)))  # ok: DT101


class FollowerIndex:
    def __init__(self, user_id):
        self.user_id = user_id
        self.pictures = {}

    def download(self):
        followers = client.get_users_followers(self.user_id, user_fields=["profile_image_url"], max_results=1000)
        for user in followers.data or []:
            self.pictures[user.id] = requests.get(user.profile_image_url).content

    def encode(self):
        return {uid: fr.face_encodings(fr.load_image_file(BytesIO(raw))) for uid, raw in self.pictures.items()}  # expect: DT101

    def encode_owner(self, path):
        return fr.face_encodings(fr.load_image_file(path))  # ok: DT101
