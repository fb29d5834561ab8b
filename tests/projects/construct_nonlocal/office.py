"""Uses the module globals that share their names with the collectors' variables: office data only."""

import face_recognition
import requests
from geopy.geocoders import Nominatim

import state
from collect import follower_faces, office_faces, office_geocode, redditor_batches, send_pending, two_levels, where_they_posted
from settings import AGENT, CASE_URL, HEADQUARTERS


def enroll_office():
    state.load_office_photos("office/photos")
    return [face_recognition.face_encodings(face_recognition.load_image_file(path)) for path in state.photos]  # ok: DT101


def office_location():
    state.set_office(HEADQUARTERS)
    return Nominatim(user_agent=AGENT).geocode(state.last_place)  # ok: DT302


def send_batch():
    requests.post(CASE_URL, json={"batch": state.batch}, timeout=30)  # ok: DT201


def main(user_id, query, name):
    follower_faces(user_id)
    where_they_posted(query)
    redditor_batches(name)
    two_levels(user_id)
    enroll_office()
    office_location()
    send_batch()
    office_faces("office/photos")
    office_geocode()
    send_pending()
