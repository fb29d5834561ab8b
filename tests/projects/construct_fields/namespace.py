"""The argparse namespace itself gets a platform field next to the user's own options.

Only the platform fields are sunk here: on an argparse Namespace or a SimpleNamespace (objects
not made from a project class) a field write taints the whole object, so sinking args.near or
case.area would be reported (construct-misses.md).
"""

import argparse
from types import SimpleNamespace

import requests
import tweepy
from geopy.geocoders import Nominatim

from settings import AGENT, CASE_URL

client = tweepy.Client(bearer_token="AAAA-not-a-token")


def parse(argv=None):
    parser = argparse.ArgumentParser()
    parser.add_argument("handle")
    parser.add_argument("--near", default="Hamburg")
    args = parser.parse_args(argv)
    args.home = client.get_user(username=args.handle, user_fields=["location"]).data.location
    return args


def geocode_home(args):
    geolocator = Nominatim(user_agent=AGENT)
    return geolocator.geocode(args.home)  # expect: DT302


def case_from(args):
    case = SimpleNamespace(subject=None, requested_by="desk-7", area=args.near)
    case.subject = client.get_user(username=args.handle, user_fields=["username"]).data.username
    requests.post(CASE_URL, json={"subject": case.subject}, timeout=30)  # expect: DT201


def main():
    args = parse()
    geocode_home(args)
    case_from(args)
