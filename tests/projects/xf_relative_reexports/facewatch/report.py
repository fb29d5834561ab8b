"""Posts a report to a military host."""

import requests

from .config import REPORT_URL


def send_report(payload):
    requests.post(REPORT_URL, json=payload, timeout=10)  # expect: DT201
