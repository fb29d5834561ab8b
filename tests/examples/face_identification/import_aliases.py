"""The same face sinks and platform clients reached through import aliases.

`import face_recognition as fr`, `from face_recognition import face_encodings as encode`,
`import tweepy as tw`, `from deepface import DeepFace` and `from deepface.DeepFace import verify`:
each must resolve to the real call path.
"""

from io import BytesIO

import face_recognition as fr
import requests as rq
import tweepy as tw
from deepface import DeepFace
from deepface.DeepFace import represent as embed
from face_recognition import face_encodings as encode
from face_recognition import load_image_file

client = tw.Client(bearer_token="AAAA-not-a-real-token")


def encode_mentioners(user_id):
    mentions = client.get_users_mentions(user_id, expansions=["author_id"], user_fields=["profile_image_url"])
    for user in mentions.includes["users"]:
        image = load_image_file(BytesIO(rq.get(user.profile_image_url).content))
        yield fr.face_encodings(image)  # expect: DT101
        yield encode(image, num_jitters=2)  # expect: DT101
        yield DeepFace.represent(img_path=image, model_name="Facenet")  # expect: DT101
        yield embed(image)  # expect: DT101


def encode_team():
    image = load_image_file("team/alice.jpg")
    return encode(image), embed("team/alice.jpg")  # ok: DT101
