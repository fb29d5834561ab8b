"""Copies fields one by one into a summary object; only the platform field keeps its origin."""

import requests
from geopy.geocoders import Nominatim

from settings import AGENT, CASE_URL


class Summary:
    def __init__(self):
        self.area = None
        self.subject = None


def summarise(config):
    summary = Summary()
    summary.area = config.Near
    summary.subject = config.Username
    return summary


def file_summary(config):
    summary = summarise(config)
    requests.post(CASE_URL, json={"subject": summary.subject}, timeout=30)  # expect: DT201
    requests.post(CASE_URL, json={"area": summary.area}, timeout=30)  # ok: DT201


def geocode_area(config):
    return Nominatim(user_agent=AGENT).geocode(summarise(config).area)  # ok: DT302
