"""Module state of the office tools. The names are the same as the collectors' local variables."""

import os

photos = []
last_place = "200 Constitution Ave NW, Washington, DC"
batch = []


def load_office_photos(folder):
    global photos
    photos = [os.path.join(folder, name) for name in sorted(os.listdir(folder))]


def set_office(address):
    global last_place
    last_place = address
