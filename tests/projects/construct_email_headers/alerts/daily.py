"""The daily run: one message per audience."""

import smtplib
from email.message import EmailMessage

from alerts.collect import commenters
from alerts.mail import SMTP_HOST, message, send_to
from alerts.recipients import CITY_DESK, LIAISON, PARTNER


def liaison_digest(rows):
    msg = message("Daily commenters", rows)
    msg["To"] = LIAISON
    with smtplib.SMTP(SMTP_HOST) as smtp:
        smtp.send_message(msg)  # expect: DT201


def partner_digest(rows):
    msg = message("Daily commenters", rows)
    msg["To"] = PARTNER
    msg["Cc"] = "archive@example.org"
    with smtplib.SMTP(SMTP_HOST) as smtp:
        smtp.send_message(msg)  # ok: DT201


def copy_city_desk(rows):
    msg = message("Daily commenters", rows)
    msg["To"] = PARTNER
    msg["Cc"] = CITY_DESK
    with smtplib.SMTP(SMTP_HOST) as smtp:
        smtp.send_message(msg)  # expect: DT201


def city_counts(rows):
    msg = EmailMessage()
    msg["To"] = CITY_DESK
    msg["Subject"] = "Comment volume"
    msg.set_content(f"{len(rows)} comments today")
    with smtplib.SMTP(SMTP_HOST) as smtp:
        smtp.send_message(msg)  # ok: DT201


def main():
    rows = commenters("news")
    liaison_digest(rows)
    partner_digest(rows)
    copy_city_desk(rows)
    city_counts(rows)
    send_to(rows, LIAISON)
    send_to(rows, PARTNER, subject="For the study")
