"""A legacy script on python-instagram (the retired Instagram API v1) that enrols faces.

``InstagramAPI.user``, ``user_recent_media``, ``user_search``, ``media_search`` and
``tag_recent_media`` return users and media whose image URLs lead to people's faces. Finding
faces in the posts near a point is detection (DT102, off by default); the hashtag statistics
at the end keep only counts.
"""

from io import BytesIO
from urllib.request import urlopen

import face_recognition
from instagram.client import InstagramAPI

api = InstagramAPI(access_token="not-a-real-token", client_secret="not-a-real-secret")


def _image(url):
    return face_recognition.load_image_file(BytesIO(urlopen(url).read()))


def enrol_user(user_id):
    profile = api.user(user_id)
    faces = face_recognition.face_encodings(_image(profile.profile_picture))  # expect: DT101
    recent, _next = api.user_recent_media(user_id=user_id, count=20)
    for media in recent:
        faces.extend(face_recognition.face_encodings(_image(media.get_standard_resolution_url())))  # expect: DT101
    return faces


def enrol_by_name(query):
    return {user.username: enrol_user(user.id) for user in api.user_search(q=query, count=5)}


def faces_near(lat, lng):
    found = []
    for media in api.media_search(lat=lat, lng=lng, distance=500, count=50):
        found.append(face_recognition.face_locations(_image(media.get_low_resolution_url())))  # expect: DT102
    return found


def hashtag_statistics(tag):
    media, _next = api.tag_recent_media(count=100, tag_name=tag)
    return {"posts": len(media), "likes": sum(m.like_count for m in media)}


def faces_in_our_logo():
    return face_recognition.face_encodings(face_recognition.load_image_file("assets/logo.png"))  # ok: DT101
