"""Building and sending the messages."""

import smtplib
from email.message import EmailMessage

SMTP_HOST = "smtp.example.org"


def message(subject, rows):
    msg = EmailMessage()
    msg["Subject"] = subject
    msg["From"] = "alerts@example.org"
    msg.set_content("\n".join(f"{r['author']}: {r['body']}" for r in rows))
    return msg


def send_to(rows, recipient, subject="Commenters"):
    msg = EmailMessage()
    msg["To"] = recipient
    msg["Subject"] = subject
    msg.set_content("\n".join(r["author"] for r in rows))
    with smtplib.SMTP(SMTP_HOST) as smtp:
        smtp.send_message(msg)  # expect: DT201
