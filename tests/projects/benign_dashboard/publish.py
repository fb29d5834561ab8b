"""Publishes engagement numbers to the city's open-data portal (.gov)."""

import requests

OPEN_DATA = "https://data.cityofexample.gov/api/civic-engagement"


def publish(summary):
    requests.post(OPEN_DATA, json=summary, timeout=10)  # ok: DT201
