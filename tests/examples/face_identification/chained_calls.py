"""Sources and sinks written as one chained expression, without intermediate names."""

from io import BytesIO

import boto3
import face_recognition
import praw
import requests
import tweepy
from deepface import DeepFace

TOKEN = "AAAA-not-a-real-token"


def encode_x_user(username):
    return face_recognition.face_encodings(face_recognition.load_image_file(BytesIO(requests.get(tweepy.Client(bearer_token=TOKEN).get_user(username=username, user_fields=["profile_image_url"]).data.profile_image_url).content)))  # expect: DT101


def embed_first_pinned_photo(subreddit):
    return DeepFace.represent(img_path=requests.get(next(iter(praw.Reddit("bot").subreddit(subreddit).hot(limit=1))).url).content)[0]["embedding"]  # expect: DT101


def search_redditor_icon(name):
    return boto3.client("rekognition").search_faces_by_image(CollectionId="c1", Image={"Bytes": requests.get(praw.Reddit("bot").redditor(name).icon_img).content})["FaceMatches"]  # expect: DT101


def encode_local_chain():
    return face_recognition.face_encodings(face_recognition.load_image_file(BytesIO(open("me.jpg", "rb").read())))  # ok: DT101
