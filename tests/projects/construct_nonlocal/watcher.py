"""A method whose nested callback keeps the newest follower picture with nonlocal."""

from io import BytesIO

import face_recognition
import requests
import tweepy

from settings import CASE_URL

newest = "static/placeholder.jpg"


class FollowerWatch:
    def __init__(self, token):
        self.client = tweepy.Client(bearer_token=token)

    def newest_face(self, user_id):
        newest = None
        count = 0

        def keep(user):
            nonlocal newest, count
            newest = user.profile_image_url
            count += 1

        for user in self.client.get_users_followers(user_id, max_results=100, user_fields=["profile_image_url"]).data or []:
            keep(user)
        requests.post(CASE_URL, json={"followers_seen": count}, timeout=30)  # ok: DT201
        raw = requests.get(newest, timeout=10).content
        return face_recognition.face_encodings(face_recognition.load_image_file(BytesIO(raw)))  # expect: DT101


def placeholder_face():
    return face_recognition.face_encodings(face_recognition.load_image_file(newest))  # ok: DT101


def main(token, user_id):
    FollowerWatch(token).newest_face(user_id)
    placeholder_face()
