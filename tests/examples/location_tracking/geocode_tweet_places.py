"""A "where are they tweeting from" tool that geocodes X places, coordinates and profile locations.

Place names and coordinates attached to tweets, and the free-text location of a user's profile,
come from the X API (tweepy); geocoding them with geopy, directly or through its RateLimiter,
turns them into a record of where people are (DT302). Geocoding the shop's own address from a
config file, or reverse-geocoding a fixed office coordinate, is ordinary geocoding.
"""

import configparser

import tweepy
from geopy.extra.rate_limiter import RateLimiter
from geopy.geocoders import ArcGIS, Nominatim

client = tweepy.Client(bearer_token="AAAA-not-a-real-token")
geolocator = Nominatim(user_agent="where-from/0.3")
arcgis = ArcGIS(timeout=10)
reverse = RateLimiter(geolocator.reverse, min_delay_seconds=1)
OFFICE = (52.5200, 13.4050)


def places_of(username):
    user = client.get_user(username=username).data
    return client.get_users_tweets(
        user.id, expansions=["geo.place_id"], place_fields=["full_name", "geo"], max_results=100
    )


def geocode_places(username):
    resp = places_of(username)
    return [geolocator.geocode(place.full_name, exactly_one=True) for place in resp.includes.get("places", [])]  # expect: DT302


def geocode_with_arcgis(username):
    resp = places_of(username)
    first = resp.includes["places"][0]
    return arcgis.geocode(query=first.full_name)  # expect: DT302


def reverse_tweet_coordinates(username):
    trail = []
    for tweet in places_of(username).data or []:
        if tweet.geo and "coordinates" in tweet.geo:
            lon, lat = tweet.geo["coordinates"]["coordinates"]
            trail.append((tweet.created_at, geolocator.reverse((lat, lon), language="en")))  # expect: DT302
    return trail


def reverse_rate_limited(username):
    trail = []
    for tweet in places_of(username).data or []:
        lon, lat = tweet.geo["coordinates"]["coordinates"]
        trail.append(reverse(f"{lat}, {lon}"))  # expect: DT302
    return trail


def home_town(username):
    profile = client.get_user(username=username, user_fields=["location"]).data
    return geolocator.geocode(profile.location)  # expect: DT302


def store_location(config_path="store.ini"):
    config = configparser.ConfigParser()
    config.read(config_path)
    address = config["store"]["address"]
    point = geolocator.geocode(address)  # ok: DT302
    also = arcgis.geocode(config["store"]["postcode"] + ", Germany")  # ok: DT302
    return point, also


def office_neighbourhood():
    return geolocator.reverse(OFFICE, zoom=14), reverse("48.8566, 2.3522")  # ok: DT302
