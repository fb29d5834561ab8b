"""Script 2: loads profiles.json and files it with a police portal; the summary file is counts."""

import json
import smtplib
from email.message import EmailMessage

import requests

PORTAL = "https://portal.example.police.uk/api/intel"


def submit():
    with open("out/profiles.json") as fh:
        profiles = json.load(fh)
    requests.post(PORTAL, json={"subjects": profiles}, timeout=10)  # expect: DT201


def email_profiles():
    profiles = json.loads(open("out/profiles.json").read())
    msg = EmailMessage()
    msg["Subject"] = "Commenters"
    msg.set_content("\n".join(p["name"] for p in profiles))
    with smtplib.SMTP("smtp.example.org") as smtp:
        smtp.send_message(msg, to_addrs=["intel@example.police.uk"])  # expect: DT201


def email_profiles_to_header():
    """The recipient is only in the message's To header (send_message reads it from there)."""
    profiles = json.loads(open("out/profiles.json").read())
    msg = EmailMessage()
    msg["To"] = "intel@example.police.uk"
    msg.set_content("\n".join(p["name"] for p in profiles))
    with smtplib.SMTP("smtp.example.org") as smtp:
        smtp.send_message(msg)  # expect: DT201


def submit_summary():
    with open("out/summary.json") as fh:
        summary = json.load(fh)
    requests.post(PORTAL, json=summary, timeout=10)  # ok: DT201


def submit_settings():
    with open("config/settings.json") as fh:
        settings = json.load(fh)
    requests.post(PORTAL, json=settings, timeout=10)  # ok: DT201


if __name__ == "__main__":
    submit()
