"""Platform data through the walrus operator, with-as, a global and a loop variable.

The global is written in one function and read in another: the data reaches the sink through
module state, so the finding is at the sink.
"""

import tempfile
from io import BytesIO

import face_recognition as fr
import httpx
import requests

API_BASE = "https://api.twitter.com/2"
HEADERS = {"Authorization": "Bearer AAAA-not-a-real-token"}
LAST_PICTURE = None


def walrus(uid):
    if (resp := requests.get(f"{API_BASE}/users/{uid}?user.fields=profile_image_url", headers=HEADERS)).ok:
        if url := resp.json()["data"].get("profile_image_url"):
            return fr.face_encodings(fr.load_image_file(BytesIO(requests.get(url).content)))  # expect: DT101
    return []


def with_as(uid):
    with httpx.Client(headers={"Accept": "image/jpeg"}) as http:
        resp = http.get(f"https://graph.facebook.com/{uid}/picture?type=large")
    with tempfile.SpooledTemporaryFile() as buffer:
        buffer.write(resp.content)
        buffer.seek(0)
        return fr.face_encodings(fr.load_image_file(buffer))  # expect: DT101


def remember(uid):
    global LAST_PICTURE
    resp = requests.get(f"https://graph.facebook.com/v19.0/{uid}/picture")
    LAST_PICTURE = resp.content


def encode_last():
    return fr.face_encodings(fr.load_image_file(BytesIO(LAST_PICTURE)))  # expect: DT101


def loop_until_found(uids):
    while uids:
        uid = uids.pop()
        image = fr.load_image_file(BytesIO(requests.get(f"https://graph.facebook.com/{uid}/picture").content))
        if encodings := fr.face_encodings(image):  # expect: DT101
            return uid, encodings
    return None
