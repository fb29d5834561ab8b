"""Quiet look-alikes: faces found only to be blurred before tweet photos are shared, and a face
index of the user's own photo library."""

import glob
import os

import cv2
import hnswlib
import numpy as np
import onnxruntime as ort
import requests
import tweepy

from facevec import avatars, settings

client = tweepy.Client(bearer_token=settings.BEARER_TOKEN)


def blur_faces(image, min_confidence=0.5):
    net = cv2.dnn.readNetFromCaffe(settings.SSD_PROTO, settings.SSD_WEIGHTS)
    height, width = image.shape[:2]
    net.setInput(cv2.dnn.blobFromImage(cv2.resize(image, (300, 300)), 1.0, (300, 300), (104.0, 177.0, 123.0)))
    detections = net.forward()  # ok: DT101
    for i in range(detections.shape[2]):
        if detections[0, 0, i, 2] < min_confidence:
            continue
        x1, y1, x2, y2 = (detections[0, 0, i, 3:7] * np.array([width, height, width, height])).astype(int)
        image[y1:y2, x1:x2] = cv2.GaussianBlur(image[y1:y2, x1:x2], (51, 51), 30)
    return image


def share_blurred(query):
    resp = client.search_recent_tweets(query=query, expansions=["attachments.media_keys"], media_fields=["url"])
    os.makedirs(settings.BLURRED_DIR, exist_ok=True)
    for media in resp.includes.get("media", []):
        if media.url:
            image = avatars.decode(requests.get(media.url, timeout=10).content)
            cv2.imwrite(os.path.join(settings.BLURRED_DIR, f"{media.media_key}.jpg"), blur_faces(image))


def index_my_library(folder=settings.PHOTO_LIBRARY):
    """Group the user's own photos by face, as a desktop photo manager does."""
    session = ort.InferenceSession(settings.ARCFACE_MODEL, providers=["CPUExecutionProvider"])
    input_name = session.get_inputs()[0].name
    paths = sorted(glob.glob(os.path.join(folder, "**", "*.jpg"), recursive=True))
    vectors = []
    for path in paths:
        blob = cv2.dnn.blobFromImage(cv2.imread(path), 1.0 / 127.5, settings.ARCFACE_SIZE, (127.5, 127.5, 127.5), swapRB=True)
        vectors.append(session.run(None, {input_name: blob})[0][0])  # ok: DT101
    library = hnswlib.Index(space="cosine", dim=512)
    library.init_index(max_elements=max(len(vectors), 1))
    library.add_items(np.asarray(vectors))  # ok: DT101
    return library, paths
