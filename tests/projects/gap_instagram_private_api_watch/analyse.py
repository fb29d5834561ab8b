"""Enrols the collected faces and maps one person's places; a hashtag's and a place's posts are
only counted."""

import os
from collections import Counter
from io import BytesIO
from datetime import datetime

import face_recognition
import folium
import requests
from deepface import DeepFace

from collect import (collect_avatar, collect_person, hashtag_posts, person_places, place_posts,
                     profile_picture_url, story_image_urls)
from media import FACES_DIR, TAGS_DIR


def enrol_faces():
    gallery = {}
    for name in os.listdir(FACES_DIR):
        image = face_recognition.load_image_file(os.path.join(FACES_DIR, name))
        gallery[name] = face_recognition.face_encodings(image)  # expect: DT101
    return gallery


def encode_avatar(username):
    picture = requests.get(profile_picture_url(username), timeout=20)
    image = face_recognition.load_image_file(BytesIO(picture.content))
    return face_recognition.face_encodings(image)  # expect: DT101


def verify_in_stories(probe_path, user_id):
    for url in story_image_urls(user_id):
        if DeepFace.verify(img1_path=probe_path, img2_path=url)["verified"]:  # expect: DT101
            return url
    return None


def map_person(user_id):
    places = folium.Map(location=[0, 0], zoom_start=2)
    for media in person_places(user_id):
        folium.Marker([media["lat"], media["lng"]], popup=media.get("media_id")).add_to(places)  # expect: DT302
    return places


def busiest_hours(location_id):
    hours = Counter(datetime.fromtimestamp(item["taken_at"]).hour for item in place_posts(location_id))
    return hours.most_common(3)


def hashtag_volume(tag):
    hashtag_posts(tag)
    return len(os.listdir(TAGS_DIR))


def run(username, user_id):
    collect_person(username)
    collect_avatar(username)
    return enrol_faces(), map_person(user_id)
