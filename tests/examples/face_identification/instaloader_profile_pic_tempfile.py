"""An Instagram profile picture (instaloader) written to a file and read back to be encoded.

Both functions save the picture to disk and load it again with face_recognition in the same
function: the file carries the platform data across (DT101). instaloader collects Instagram data
without the official API, which is reported at the call that loads the profile (DT501). Reading a
different, local file after the download is not platform data.
"""

import os
import tempfile

import face_recognition
import instaloader
import requests

L = instaloader.Instaloader(download_videos=False, save_metadata=False, compress_json=False)


def encode_via_named_tempfile(username):
    profile = instaloader.Profile.from_username(L.context, username)  # expect: DT502
    resp = requests.get(profile.profile_pic_url, timeout=10)
    with tempfile.NamedTemporaryFile(suffix=".jpg") as tmp:
        tmp.write(resp.content)
        tmp.flush()
        image = face_recognition.load_image_file(tmp.name)
        return face_recognition.face_encodings(image)  # expect: DT101


def encode_via_cache_file(username):
    profile = instaloader.Profile.from_username(L.context, username)
    path = os.path.join(tempfile.gettempdir(), "profile_pic.jpg")
    with open(path, "wb") as fh:
        fh.write(requests.get(profile.profile_pic_url).content)
    image = face_recognition.load_image_file(path)
    return face_recognition.face_encodings(image)  # expect: DT101


def encode_reference_after_download(username):
    profile = instaloader.Profile.from_username(L.context, username)
    with open(os.path.join("cache", "avatar.jpg"), "wb") as fh:
        fh.write(requests.get(profile.profile_pic_url).content)
    reference = face_recognition.load_image_file("reference/me.jpg")
    return face_recognition.face_encodings(reference)  # ok: DT101
