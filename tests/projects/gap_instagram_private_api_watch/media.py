"""Saves the pictures of Instagram feeds into per-purpose folders."""

import os
from urllib.parse import urlparse

import requests

FACES_DIR = "watch/faces"
TAGS_DIR = "watch/hashtags"
CDN_SUFFIX = ".cdninstagram.com"


def save_images(urls, folder, prefix):
    os.makedirs(folder, exist_ok=True)
    saved = []
    for index, url in enumerate(urls):
        path = os.path.join(folder, f"{prefix}_{index}.jpg")
        with open(path, "wb") as out:
            out.write(requests.get(url, timeout=20).content)
        saved.append(path)
    return saved


def image_urls(items):
    """The largest candidate of each item, if it is served by Instagram's CDN."""
    urls = []
    for item in items:
        versions = item.get("image_versions2", {}).get("candidates", [])
        if versions and urlparse(versions[0]["url"]).hostname.endswith(CDN_SUFFIX):
            urls.append(versions[0]["url"])
    return urls
