"""A one-off script: one account's profile and posts, then every face in its folder is enrolled.

With the default dirname_pattern ``{target}``, ``download_profile(name)`` saves into a folder
called ``name``.
"""

import os

import face_recognition
import instaloader

TARGET = "someone.example"


def fetch():
    loader = instaloader.Instaloader(download_videos=False, save_metadata=False)
    loader.download_profile(TARGET, profile_pic=True, download_stories=False)  # expect: DT502


def enroll():
    enrolled = {}
    for name in sorted(os.listdir(TARGET)):
        if name.endswith(".jpg"):
            image = face_recognition.load_image_file(os.path.join(TARGET, name))
            enrolled[name] = face_recognition.face_encodings(image)  # expect: DT101
    return enrolled


if __name__ == "__main__":
    fetch()
    enroll()
