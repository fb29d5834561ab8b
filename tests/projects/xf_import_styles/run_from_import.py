"""`from pkg import mod`, an aliased module, and a direct sink on a returned value."""

import face_recognition

from osint.collectors import twitter
from osint.matching import faces as fx


def run(query):
    pictures = twitter.author_avatars(query)
    fx.encode(pictures["first"])
    fx.encode(open("team/alice.jpg", "rb").read())  # ok: DT101
    total = twitter.tweet_count(query)
    face_recognition.face_encodings(face_recognition.load_image_file("team/group.jpg"), num_jitters=total)  # ok: DT101
