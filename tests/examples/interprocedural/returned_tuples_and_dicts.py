"""Helpers that return platform data next to a local reference photo, in a tuple or a dict.

The caller unpacks the result and encodes only the reference photo, which never came from X:
the elements of a literal tuple or dict are tracked apart, so these lines stay quiet.
"""

import face_recognition
import tweepy

client = tweepy.Client(bearer_token="AAAA-not-a-real-token")


def load_run(user_id):
    followers = client.get_users_followers(user_id, user_fields=["profile_image_url"]).data or []
    return followers, "reference/operator.jpg"


def load_config(user_id):
    return {
        "followers": client.get_users_followers(user_id).data or [],
        "reference": "reference/operator.jpg",
    }


def check_operator(user_id):
    followers, reference = load_run(user_id)
    encoding = face_recognition.face_encodings(face_recognition.load_image_file(reference))  # ok: DT101
    return len(followers), encoding


def check_operator_from_config(user_id):
    config = load_config(user_id)
    return face_recognition.face_encodings(face_recognition.load_image_file(config["reference"]))  # ok: DT101
