"""Facebook friends' pictures from the Graph API, matched against a probe photo with DeepFace.

The first function reads the friends through facebook-sdk; the second downloads pictures by URL
from graph.facebook.com (the friend ids come from a local file, the pictures from the platform).
DeepFace.verify and DeepFace.find identify people (DT101); verifying two local photos does not
involve platform data.
"""

import json
from io import BytesIO

import facebook
import numpy as np
import requests
from deepface import DeepFace
from PIL import Image

ACCESS_TOKEN = "EAAB-not-a-real-token"
PROBE = "probe/suspect.jpg"


def match_friends():
    graph = facebook.GraphAPI(access_token=ACCESS_TOKEN, version="3.1")
    friends = graph.get_connections("me", "friends", fields="id,name,picture.type(large)")
    matches = []
    for friend in friends["data"]:
        picture_url = friend["picture"]["data"]["url"]
        img = np.array(Image.open(BytesIO(requests.get(picture_url).content)).convert("RGB"))
        result = DeepFace.verify(img1_path=PROBE, img2_path=img, model_name="ArcFace")  # expect: DT101
        if result["verified"]:
            matches.append(friend["name"])
    return matches


def search_friend_pictures(ids_file="friend_ids.json"):
    with open(ids_file) as fh:
        friend_ids = json.load(fh)
    frames = []
    for uid in friend_ids:
        resp = requests.get(
            f"https://graph.facebook.com/v19.0/{uid}/picture",
            params={"type": "large", "access_token": ACCESS_TOKEN},
        )
        frames.append(np.array(Image.open(BytesIO(resp.content)).convert("RGB")))
    found = []
    for frame in frames:
        hits = DeepFace.find(img_path=frame, db_path="watchlist/", enforce_detection=False)  # expect: DT101
        found.extend(hit["identity"].tolist() for hit in hits)
    return found


def self_check():
    return DeepFace.verify(img1_path=PROBE, img2_path="probe/suspect_2.jpg")  # ok: DT101
