"""Downloads the latest photos of hashtag posts with instagrapi into a folder."""

from pathlib import Path

from instagrapi import Client

DB = Path("face_db")

cl = Client()
cl.login("operator", "not-a-real-password")


def download(hashtag, amount=50):
    DB.mkdir(exist_ok=True)
    saved = []
    for media in cl.hashtag_medias_recent(hashtag, amount=amount):  # expect: DT502
        if media.media_type == 1:
            saved.append(cl.photo_download(media.pk, DB))
    return saved
