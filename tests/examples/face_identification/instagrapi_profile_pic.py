"""Instagram users' profile pictures and recent posts via instagrapi, encoded with face_recognition.

instagrapi drives Instagram's private mobile API, so each call that fetches data is scraping
(DT501, reported at that call); the pictures it leads to reach face encodings (DT101).
"""

from io import BytesIO

import face_recognition
import requests
from instagrapi import Client

USERNAME, PASSWORD = "example_account", "not-a-real-password"


def encode_user(target):
    cl = Client()
    cl.login(USERNAME, PASSWORD)
    info = cl.user_info_by_username(target)  # expect: DT502
    resp = requests.get(str(info.profile_pic_url_hd or info.profile_pic_url), timeout=10)
    image = face_recognition.load_image_file(BytesIO(resp.content))
    return face_recognition.face_encodings(image)  # expect: DT101


def encode_recent_posts(target, amount=12):
    cl = Client()
    cl.login(USERNAME, PASSWORD)
    user_id = cl.user_id_from_username(target)
    encodings = []
    for media in cl.user_medias(user_id, amount):
        if media.thumbnail_url:
            pixels = face_recognition.load_image_file(BytesIO(requests.get(str(media.thumbnail_url)).content))
            encodings.extend(face_recognition.face_encodings(pixels))  # expect: DT101
    return encodings
