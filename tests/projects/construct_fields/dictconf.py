"""The same split with a plain dict: the keys the user typed and the keys the platform filled.

Geocoding conf["near"] would be reported too: dict keys are not kept apart (construct-misses.md).
"""

import tweepy
from geopy.geocoders import Nominatim

from settings import AGENT

client = tweepy.Client(bearer_token="AAAA-not-a-token")


def build(handle, near):
    conf = {"near": near, "lang": "en"}
    user = client.get_user(username=handle, user_fields=["location"]).data
    conf["home"] = user.location
    conf["handle"] = user.username
    return conf


def geocode_home(conf):
    geolocator = Nominatim(user_agent=AGENT)
    return geolocator.geocode(conf["home"])  # expect: DT302
