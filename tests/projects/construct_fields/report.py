"""Sends the subject to a police case system; the search settings go to the same host."""

import requests

from settings import CASE_URL


def file_subject(config):
    requests.post(CASE_URL, json={"subject": config.Username, "home": config.Location}, timeout=30)  # expect: DT201


def file_search(config):
    requests.post(CASE_URL, json={"near": config.Near, "lang": config.Lang, "limit": config.Limit}, timeout=30)  # ok: DT201
