"""Geocodes the fields; only the ones the platform filled are about a person."""

from geopy.geocoders import Nominatim

from settings import AGENT


class Locator:
    def __init__(self, config):
        self.config = config
        self.geo = Nominatim(user_agent=AGENT)

    def home(self):
        return self.geo.geocode(self.config.Location)  # expect: DT302

    def search_centre(self):
        return self.geo.geocode(self.config.Near)  # ok: DT302


def place_of(config):
    geolocator = Nominatim(user_agent=AGENT)
    return geolocator.geocode(config.Location, exactly_one=True)  # expect: DT302


def centre_of(config):
    geolocator = Nominatim(user_agent=AGENT)
    return geolocator.geocode(f"{config.Near}, {config.Lang}", exactly_one=True)  # ok: DT302


def session_place(session):
    geolocator = Nominatim(user_agent=AGENT)
    near = geolocator.geocode(session.config.Near)  # ok: DT302
    home = geolocator.geocode(session.config.Location)  # expect: DT302
    return near, home
