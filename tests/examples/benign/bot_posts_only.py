"""A tweepy bot that posts; its only face code runs on a photo from its own repository.

Writing to the platform is not a flow of platform data into a sink, and the face encodings of
the team photo never meet anything the bot read from X.
"""

import face_recognition
import tweepy

client = tweepy.Client(
    consumer_key="not-a-real-key",
    consumer_secret="not-a-real-secret",
    access_token="not-a-real-token",
    access_token_secret="not-a-real-token-secret",
)
api = tweepy.API(tweepy.OAuth1UserHandler("k", "s", "t", "ts"))


def team_photo_has_everyone(expected=4):
    image = face_recognition.load_image_file("assets/team.jpg")
    return len(face_recognition.face_encodings(image)) == expected  # ok: DT101


def post_daily_update(text):
    media = api.media_upload("assets/team.jpg")
    if team_photo_has_everyone():
        client.create_tweet(text=text, media_ids=[media.media_id])
    else:
        client.create_tweet(text=text)
