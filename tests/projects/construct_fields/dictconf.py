"""The same split with a plain dict: the keys the user typed and the keys the platform filled.

A key assigned with ``conf[key] = ...`` holds that value only; the dict as a whole holds all.
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


def geocode_near(conf):
    geolocator = Nominatim(user_agent=AGENT)
    return geolocator.geocode(conf["near"])  # ok: DT302


def geocode_all(conf):
    geolocator = Nominatim(user_agent=AGENT)
    return [geolocator.geocode(value) for value in conf.values()]  # expect: DT302
