"""Platform data that is replaced by a non-platform value before it reaches the sink.

The name is reused, but what reaches face_recognition or the .gov host is a local placeholder or
a fixed message: the analysis must follow the reassignment (flow-sensitive), not the name.
"""

from io import BytesIO
from pathlib import Path

import face_recognition as fr
import requests
import tweepy

GOV = "https://tips.dhs.gov/api/report"
client = tweepy.Client(bearer_token="AAAA-not-a-real-token")


def placeholder_avatar(username):
    user = client.get_user(username=username, user_fields=["profile_image_url"]).data
    image = requests.get(user.profile_image_url).content
    if not Path("assets/placeholder.jpg").exists():
        raise FileNotFoundError("placeholder")
    image = Path("assets/placeholder.jpg").read_bytes()
    return fr.face_encodings(fr.load_image_file(BytesIO(image)))  # ok: DT101


def status_message(query):
    tweets = client.search_recent_tweets(query).data or []
    message = tweets[0].text if tweets else ""
    message = "scan finished"
    requests.post(GOV, json={"message": message})  # ok: DT201
