"""Reads the agenda from the city's .gov site and checks the speakers' headshots for a face."""

import face_recognition
import requests

AGENDA_URL = "https://council.example.gov/api/agenda/next"
STATUS_URL = "https://council.example.gov/api/bot-status"


def fetch_agenda():
    return requests.get(AGENDA_URL, timeout=10).json()


def render_card(agenda):
    photo = face_recognition.load_image_file("assets/speaker.jpg")
    if face_recognition.face_locations(photo):  # ok: DT102
        return "assets/speaker.jpg"
    return "assets/logo.png"


def report_posted(tweet_id):
    requests.post(STATUS_URL, json={"posted": tweet_id}, timeout=10)  # ok: DT201
