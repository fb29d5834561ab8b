"""Azure Face resource and the person group the watch list is enrolled in."""

import os

FACE_ENDPOINT = os.environ.get("FACE_ENDPOINT", "https://watch-face.cognitiveservices.azure.com/")
FACE_KEY = os.environ.get("FACE_KEY", "")
WATCH_GROUP = "watchlist"
STAFF_GROUP = "staff-badges"
