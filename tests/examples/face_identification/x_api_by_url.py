"""The X API and the Graph API called by URL, with the host in a module-level constant.

No SDK: requests, httpx and urllib fetch from api.twitter.com or graph.facebook.com, and the
responses carry platform data to face_recognition (DT101). A request to another host whose URL
merely mentions a user id is not a platform source.
"""

import json
import urllib.request
from io import BytesIO

import face_recognition
import httpx
import requests

API_BASE = "https://api.twitter.com/2"
GRAPH = "https://graph.facebook.com/v19.0"
HEADERS = {"Authorization": "Bearer AAAA-not-a-real-token"}
ACCESS_TOKEN = "EAAB-not-a-real-token"


def encode_x_user(uid):
    resp = requests.get(f"{API_BASE}/users/{uid}", params={"user.fields": "profile_image_url"}, headers=HEADERS)
    picture_url = resp.json()["data"]["profile_image_url"]
    image = face_recognition.load_image_file(BytesIO(requests.get(picture_url).content))
    return face_recognition.face_encodings(image)  # expect: DT101


def encode_x_user_httpx(username):
    data = httpx.get(API_BASE + "/users/by/username/" + username + "?user.fields=profile_image_url", headers=HEADERS).json()
    image = face_recognition.load_image_file(BytesIO(httpx.get(data["data"]["profile_image_url"]).content))
    return face_recognition.face_encodings(image)  # expect: DT101


def encode_graph_user(uid):
    with urllib.request.urlopen(f"{GRAPH}/{uid}?fields=picture.type(large)&access_token={ACCESS_TOKEN}") as resp:
        picture = json.load(resp)["picture"]["data"]["url"]
    with urllib.request.urlopen(picture) as resp:
        image = face_recognition.load_image_file(BytesIO(resp.read()))
    return face_recognition.face_encodings(image)  # expect: DT101


def encode_gravatar(uid):
    resp = requests.get(f"https://avatars.example.com/u/{uid}.jpg")
    image = face_recognition.load_image_file(BytesIO(resp.content))
    return face_recognition.face_encodings(image)  # ok: DT101
