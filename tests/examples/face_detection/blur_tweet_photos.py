"""A "privacy" bot that finds the faces in photos attached to tweets before reposting them blurred.

The photos come from the X API (tweepy media expansions), so every detector that looks at them
is face detection on platform media (DT102, off by default), even though the intent is to blur.
The same detectors run on a webcam frame and on a folder of the operator's own photos must
stay quiet.
"""

from io import BytesIO
from pathlib import Path

import cv2
import face_recognition
import numpy as np
import requests
import tweepy

client = tweepy.Client(bearer_token="AAAA-not-a-real-token")
CASCADE = cv2.CascadeClassifier(cv2.data.haarcascades + "haarcascade_frontalface_default.xml")


def tweet_photos(query):
    resp = client.search_recent_tweets(
        query=query, expansions=["attachments.media_keys"], media_fields=["url", "type"], max_results=50
    )
    for media in resp.includes.get("media", []):
        if media.type == "photo":
            yield requests.get(media.url, timeout=10).content


def blur_boxes(image, boxes):
    for (top, right, bottom, left) in boxes:
        image[top:bottom, left:right] = cv2.GaussianBlur(image[top:bottom, left:right], (51, 51), 0)
    return image


def blur_with_face_recognition(query):
    out = []
    for raw in tweet_photos(query):
        image = face_recognition.load_image_file(BytesIO(raw))
        boxes = face_recognition.face_locations(image, number_of_times_to_upsample=1)  # expect: DT102
        out.append(blur_boxes(image, boxes))
    return out


def blur_with_haar(query):
    out = []
    for raw in tweet_photos(query):
        frame = cv2.imdecode(np.frombuffer(raw, np.uint8), cv2.IMREAD_COLOR)
        gray = cv2.cvtColor(frame, cv2.COLOR_BGR2GRAY)
        faces = CASCADE.detectMultiScale(gray, scaleFactor=1.1, minNeighbors=5)  # expect: DT102
        for (x, y, w, h) in faces:
            frame[y:y + h, x:x + w] = cv2.GaussianBlur(frame[y:y + h, x:x + w], (51, 51), 0)
        out.append(frame)
    return out


def landmarks_of_first_photo(query):
    raw = next(tweet_photos(query))
    return face_recognition.face_landmarks(face_recognition.load_image_file(BytesIO(raw)))  # expect: DT102


def blur_webcam(camera_index=0):
    camera = cv2.VideoCapture(camera_index)
    ok, frame = camera.read()
    camera.release()
    if not ok:
        return None
    gray = cv2.cvtColor(frame, cv2.COLOR_BGR2GRAY)
    faces = CASCADE.detectMultiScale(gray, 1.1, 5)  # ok: DT102
    boxes = face_recognition.face_locations(cv2.cvtColor(frame, cv2.COLOR_BGR2RGB))  # ok: DT102
    return faces, boxes


def blur_my_own_photos(folder="my_photos"):
    out = {}
    for path in sorted(Path(folder).glob("*.jpg")):
        image = face_recognition.load_image_file(path)
        out[path.name] = blur_boxes(image, face_recognition.face_locations(image))  # ok: DT102
    return out
