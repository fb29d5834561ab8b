"""Function summaries: a parameter that comes back as the result, a parameter that reaches a sink,
and a function that is itself a source.

`download` returns what it is given turned into bytes, so platform data in means platform data
out, and the sink in `build_index` fires where that result is encoded. `encode_faces` and
`post_to_fusion_centre` hold their sinks on a parameter: the findings go on the calls that pass
platform data. Keyword arguments, defaults, `*args` and `**kwargs` carry the data the same way.
"""

from io import BytesIO

import face_recognition
import requests
import tweepy

CLIENT = tweepy.Client(bearer_token="AAAA-not-a-real-token")
FUSION_URL = "https://intake.fusion.example.gov/api/leads"


def followers_of(user_id):
    """A source of its own: the result is X data."""
    return CLIENT.get_users_followers(user_id, user_fields=["profile_image_url"]).data or []


def download(url):
    return requests.get(url, timeout=10).content


def encode_faces(raw, model="hog"):
    image = face_recognition.load_image_file(BytesIO(raw))
    return face_recognition.face_encodings(image, model=model)  # expect: DT101


def post_to_fusion_centre(*records, source="x", **extra):
    payload = {"source": source, "records": list(records), **extra}
    requests.post(FUSION_URL, json=payload, timeout=10)  # expect: DT201


def build_index(user_id):
    index = {}
    for follower in followers_of(user_id):
        raw = download(follower.profile_image_url)
        index[follower.username] = face_recognition.face_encodings(  # expect: DT101
            face_recognition.load_image_file(BytesIO(raw))
        )
    return index


def main(user_id):
    followers = followers_of(user_id)
    first = download(followers[0].profile_image_url)
    encode_faces(first)
    encode_faces(raw=first, model="cnn")
    encode_faces(open("reference/me.jpg", "rb").read())  # ok: DT101
    post_to_fusion_centre(*followers)
    post_to_fusion_centre(note="weekly", watched=[f.username for f in followers])
    post_to_fusion_centre("heartbeat", source="cron")  # ok: DT201
    post_to_fusion_centre(count=len(followers))  # ok: DT201
