"""A research notebook that maps where the followers of an X account live.

The profile locations come from the X API (tweepy). geopy's documentation recommends wrapping a
geocoder in RateLimiter and applying it to a pandas column; that idiom hands the geocoder to
`apply` as a callable, which devterms does not follow yet (todo-expect). Calling the geocoder
through functools.partial, or reverse-geocoding a geopy Point built from a tweet's coordinates,
is found (DT302). Geocoding a CSV of the lab's own field sites is not platform data.
"""

from functools import partial

import pandas as pd
import tweepy
from geopy.extra.rate_limiter import RateLimiter
from geopy.geocoders import Nominatim
from geopy.point import Point

client = tweepy.Client(bearer_token="AAAA-not-a-real-token")
geolocator = Nominatim(user_agent="follower-map-notebook")
geocode = RateLimiter(geolocator.geocode, min_delay_seconds=1)
geocode_en = partial(geolocator.geocode, language="en", exactly_one=True)


def followers_frame(handle):
    user = client.get_user(username=handle).data
    followers = client.get_users_followers(user.id, user_fields=["location"], max_results=1000).data or []
    return pd.DataFrame([{"username": f.username, "location": f.location} for f in followers])


def map_followers(handle):
    df = followers_frame(handle)
    df["point"] = df["location"].apply(geocode)  # expect: DT302
    df["raw"] = df["location"].map(geolocator.geocode)  # expect: DT302
    return df


def first_follower_in_english(handle):
    df = followers_frame(handle)
    return geocode_en(df.loc[0, "location"])  # expect: DT302


def where_was_tweet(tweet_id):
    tweet = client.get_tweet(tweet_id, tweet_fields=["geo"]).data
    lon, lat = tweet.geo["coordinates"]["coordinates"]
    return geolocator.reverse(Point(lat, lon), exactly_one=True)  # expect: DT302


def field_sites(path="field_sites.csv"):
    sites = pd.read_csv(path)
    sites["point"] = sites["address"].apply(geocode)  # ok: DT302
    first = geocode_en(sites.loc[0, "address"])  # ok: DT302
    return sites, first, geolocator.reverse(Point(46.55, 7.98))  # ok: DT302
