"""Downloads Instagram profile pictures with urllib's urlretrieve (instaloader: DT501)."""

import os
import urllib.request

import instaloader

L = instaloader.Instaloader(download_pictures=False)
PICS = "pics"


def fetch(usernames):
    os.makedirs(PICS, exist_ok=True)
    for name in usernames:
        profile = instaloader.Profile.from_username(L.context, name)  # expect: DT502
        urllib.request.urlretrieve(profile.profile_pic_url, os.path.join(PICS, f"{name}.jpg"))
    urllib.request.urlretrieve("https://example.org/logo.png", "assets/logo.png")
