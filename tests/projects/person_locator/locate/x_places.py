"""Where one X account posts from: the places attached to its tweets."""

import tweepy

from locate import settings

client = tweepy.Client(bearer_token=settings.BEARER_TOKEN)


def centroid(bbox):
    west, south, east, north = bbox
    return (south + north) / 2, (west + east) / 2


def places_of(username, limit=100):
    """(lat, lon, text, when) for each geotagged tweet of one account."""
    user = client.get_user(username=username).data
    resp = client.get_users_tweets(
        user.id, max_results=limit, expansions=["geo.place_id"],
        tweet_fields=["geo", "created_at"], place_fields=["full_name", "geo"],
    )
    places = {p.id: p for p in resp.includes.get("places", [])}
    points = []
    for tweet in resp.data or []:
        place_id = (tweet.geo or {}).get("place_id")
        if place_id in places:
            lat, lon = centroid(places[place_id].geo["bbox"])
            points.append((lat, lon, tweet.text, tweet.created_at))
    return points



def hashtag_places(tag, limit=100):
    """(lat, lon) of the places of recent geotagged tweets about a hashtag, whoever posted them."""
    resp = client.search_recent_tweets(
        f"{tag} has:geo", max_results=limit, expansions=["geo.place_id"], place_fields=["geo"],
    )
    return [centroid(p.geo["bbox"]) for p in resp.includes.get("places", [])]
