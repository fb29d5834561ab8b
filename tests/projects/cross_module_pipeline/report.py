"""Sends results to a state fusion centre (.gov). The payload arrives through parameters."""

import requests

FUSION = "https://intake.fusion.example.gov/api/matches"


def submit(results):
    requests.post(FUSION, json=results, timeout=10)  # expect: DT201


def submit_count(results):
    requests.post(FUSION, json={"count": len(results)}, timeout=10)  # ok: DT201
