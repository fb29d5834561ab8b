"""Builds a face collection from Instagram profiles."""

from scrapekit import profile_photos
from scrapekit.sinks.rekognition import index_photo, search_by_file


def main(usernames):
    for name, url in profile_photos(usernames).items():
        index_photo("targets", name, url)
    return search_by_file("targets", "probe/suspect.jpg")  # ok: DT101
