"""Locating Instagram, Reddit and Mastodon users with googlemaps, the geocoder package and Nominatim's HTTP API.

The location attached to an Instagram post (instaloader, DT501 at the load), the city in a Reddit
user's flair text, and the free-text location field of a Mastodon profile are all platform data;
geocoding them locates people (DT302). The Nominatim web service counts as a geocoder too, so a
request to it with a platform place in its parameters is reported. The delivery app's depot
address, typed by the operator, is not platform data.
"""

import os

import geocoder
import googlemaps
import instaloader
import praw
import requests
from mastodon import Mastodon

gmaps = googlemaps.Client(key=os.environ.get("GOOGLE_MAPS_KEY", "not-a-real-key"))
L = instaloader.Instaloader(download_pictures=False, download_videos=False)
reddit = praw.Reddit(client_id="not-a-real-id", client_secret="not-a-real-secret", user_agent="maps/0.1")
masto = Mastodon(access_token="not-a-real-token", api_base_url="https://mastodon.social")
DEPOT = "Hauptstraße 12, 10827 Berlin"
NOMINATIM = "https://nominatim.openstreetmap.org/search"


def where_was_this_post(shortcode):
    post = instaloader.Post.from_shortcode(L.context, shortcode)  # expect: DT502
    if post.location is None:
        return None
    return gmaps.reverse_geocode((post.location.lat, post.location.lng))  # expect: DT302


def flair_cities(subreddit, limit=200):
    cities = {}
    for comment in reddit.subreddit(subreddit).comments(limit=limit):
        if comment.author_flair_text:
            cities[comment.author.name] = gmaps.geocode(address=comment.author_flair_text)  # expect: DT302
    return cities


def mastodon_home(acct):
    account = masto.account_lookup(acct)
    osm = geocoder.osm(account.fields[0]["value"])  # expect: DT302
    return osm.latlng


def nominatim_over_http(subreddit):
    submission = next(iter(reddit.subreddit(subreddit).new(limit=1)))
    resp = requests.get(NOMINATIM, params={"q": submission.title, "format": "json"}, timeout=10)  # expect: DT302
    return resp.json()


def depot():
    g = geocoder.osm(DEPOT)  # ok: DT302
    a = gmaps.geocode(DEPOT)  # ok: DT302
    b = requests.get(NOMINATIM, params={"q": DEPOT, "format": "json"}, timeout=10)  # ok: DT302
    c = gmaps.reverse_geocode(latlng=(52.48, 13.35))  # ok: DT302
    return g.latlng, a, b.json(), c
