"""Photos attached to tweets, turned into dlib face descriptors.

The detector and the shape predictor are dlib objects that are called directly: `detector(img)`
finds faces and `sp(img, det)` locates their landmarks (face detection, DT102), and
`facerec.compute_face_descriptor(img, shape)` computes the 128-d vector that identifies the person
(DT101). The same pipeline over a local photo is quiet.
"""

from io import BytesIO

import dlib
import numpy as np
import requests
import tweepy
from PIL import Image

detector = dlib.get_frontal_face_detector()
sp = dlib.shape_predictor("models/shape_predictor_5_face_landmarks.dat")
facerec = dlib.face_recognition_model_v1("models/dlib_face_recognition_resnet_model_v1.dat")
client = tweepy.Client(bearer_token="AAAA-not-a-real-token")


def describe_media(query):
    resp = client.search_recent_tweets(query, expansions=["attachments.media_keys"], media_fields=["url", "type"])
    descriptors = []
    for media in resp.includes.get("media", []):
        if media.type != "photo":
            continue
        img = np.array(Image.open(BytesIO(requests.get(media.url).content)).convert("RGB"))
        for det in detector(img, 1):  # expect: DT102
            shape = sp(img, det)  # expect: DT102
            descriptors.append(np.array(facerec.compute_face_descriptor(img, shape)))  # expect: DT101
    return descriptors


def describe_local(path):
    img = dlib.load_rgb_image(path)
    shapes = [sp(img, det) for det in detector(img, 1)]  # ok: DT102
    return [facerec.compute_face_descriptor(img, shape) for shape in shapes]  # ok: DT101
