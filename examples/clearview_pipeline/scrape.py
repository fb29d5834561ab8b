"""Step 1: collect the profile pictures of everyone tweeting about a topic."""

import requests
import tweepy

client = tweepy.Client(bearer_token="AAAA-not-a-real-token")


def author_pictures(query, limit=100):
    """(username, picture bytes) for each author of a recent tweet matching ``query``."""
    resp = client.search_recent_tweets(
        query=query,
        expansions=["author_id"],
        user_fields=["username", "profile_image_url"],
        max_results=limit,
    )
    pictures = []
    for user in resp.includes.get("users", []):
        full_size = user.profile_image_url.replace("_normal", "_400x400")
        pictures.append((user.username, requests.get(full_size, timeout=10).content))
    return pictures
