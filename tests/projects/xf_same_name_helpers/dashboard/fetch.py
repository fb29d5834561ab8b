"""The harmless half: a function of the same name that reads the team's own photos."""

from pathlib import Path

import requests

TEAM_DIR = Path("static/team")
CITY_OPEN_DATA = "https://opendata.example.gov/api/ping"


def load_pictures(query):
    return [p.read_bytes() for p in sorted(TEAM_DIR.glob(f"{query}*.jpg"))]


def send(payload):
    requests.post(CITY_OPEN_DATA, json=payload, timeout=10)  # expect: DT201
