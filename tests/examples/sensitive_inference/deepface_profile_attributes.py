"""A "audience demographics" script that estimates age, gender, race and mood from profile pictures.

Profile pictures of X users (tweepy) and of Instagram accounts (instaloader, a scraper: DT501)
reach DeepFace.analyze. analyze estimates all four attributes when `actions` is not given, so a
call without it counts, as does any call whose actions name race, gender, emotion or age (DT401).
The fer package's emotion classifier counts too. Running the same models on the operator's own
selfie, a local webcam frame or a stock image is not platform data.
"""

import io

import cv2
import instaloader
import numpy as np
import requests
import tweepy
from deepface import DeepFace
from fer import FER
from PIL import Image

client = tweepy.Client(bearer_token="AAAA-not-a-real-token")
L = instaloader.Instaloader(download_videos=False)
emotions = FER(mtcnn=True)
ATTRIBUTES = ("age", "gender", "race")


def avatar(username):
    user = client.get_user(username=username, user_fields=["profile_image_url"]).data
    url = user.profile_image_url.replace("_normal", "_400x400")
    return np.array(Image.open(io.BytesIO(requests.get(url, timeout=10).content)).convert("RGB"))


def demographics(usernames):
    rows = []
    for name in usernames:
        result = DeepFace.analyze(avatar(name), enforce_detection=False)  # expect: DT401
        rows.append({"user": name, "age": result[0]["age"], "race": result[0]["dominant_race"]})
    return rows


def gender_split(usernames):
    return [DeepFace.analyze(img_path=avatar(n), actions=["gender"]) for n in usernames]  # expect: DT401


def attributes_from_constant(username):
    return DeepFace.analyze(avatar(username), actions=ATTRIBUTES, detector_backend="retinaface")  # expect: DT401


def follower_moods(username):
    user = client.get_user(username=username).data
    moods = []
    for follower in client.get_users_followers(user.id, user_fields=["profile_image_url"]).data or []:
        raw = requests.get(follower.profile_image_url, timeout=10).content
        frame = cv2.imdecode(np.frombuffer(raw, np.uint8), cv2.IMREAD_COLOR)
        moods.append(emotions.detect_emotions(frame))  # expect: DT401
    return moods


def instagram_top_emotion(username):
    profile = instaloader.Profile.from_username(L.context, username)  # expect: DT502
    raw = requests.get(profile.profile_pic_url, timeout=10).content
    frame = cv2.imdecode(np.frombuffer(raw, np.uint8), cv2.IMREAD_COLOR)
    mood = emotions.top_emotion(frame)  # expect: DT401
    age = DeepFace.analyze(frame, ("age", "emotion"), silent=True)  # expect: DT401
    return mood, age


def my_selfie(path="selfie.jpg"):
    return DeepFace.analyze(img_path=path, actions=["age", "emotion"])  # ok: DT401


def my_selfie_all_defaults():
    return DeepFace.analyze("me/2024-holiday.jpg")  # ok: DT401


def webcam_mood(camera_index=0):
    camera = cv2.VideoCapture(camera_index)
    ok, frame = camera.read()
    camera.release()
    return emotions.detect_emotions(frame) if ok else None  # ok: DT401


def stock_photo_demo():
    stock = cv2.imread("assets/stock_smiling_person.jpg")
    return emotions.top_emotion(stock), DeepFace.analyze(stock, actions=("race",))  # ok: DT401
