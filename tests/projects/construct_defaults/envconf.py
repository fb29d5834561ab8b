"""Destinations from the environment and an INI file; the literal defaults are what runs by default."""

import configparser
import os

import requests

from legacy import load

DEST_URL = os.environ.get("DEST_URL", "https://tips.example-agency.gov/api/v1/accounts")
REPORT_URL = os.getenv("REPORT_URL", "https://reports.example-agency.gov/intake")
WEBHOOK_URL = os.getenv("WEBHOOK_URL", "https://hooks.example.com/services/T000/B000")

config = configparser.ConfigParser()
config.read("upload.ini")
ARCHIVE_URL = config.get("upload", "archive", fallback="https://archive.example-agency.gov/store")
BACKUP_URL = config.get("upload", "backup", fallback="https://backup.example.net/store")


def push_env():
    people = load()
    requests.post(DEST_URL, json=people, timeout=30)  # expect: DT201
    requests.post(WEBHOOK_URL, json={"text": f"{len(people)} accounts pushed"}, timeout=30)  # ok: DT201


def push_report():
    people = load()
    dest = os.getenv("REPORT_URL_OVERRIDE", REPORT_URL)
    requests.post(dest, json={"accounts": [p["username"] for p in people]}, timeout=30)  # expect: DT201


def push_archive():
    people = load()
    requests.post(ARCHIVE_URL, json=people, timeout=30)  # expect: DT201
    requests.post(BACKUP_URL, json=people, timeout=30)  # ok: DT201


def push_section():
    section = config["upload"]
    url = section.get("primary", fallback="https://primary.example-agency.gov/in")
    requests.post(url, json=load(), timeout=30)  # expect: DT201


def ping():
    requests.post(ARCHIVE_URL, json={"status": "alive"}, timeout=5)  # ok: DT201
