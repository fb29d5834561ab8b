"""Reddit: city and news subreddits streamed; matches sent on and kept per author."""

import re
import smtplib
from email.message import EmailMessage

import praw
import pymsteams
from discord_webhook import DiscordWebhook
import requests
from twilio.rest import Client as TwilioClient

from watch import config
from watch.alerts import Alerter
from watch.store import SightingStore

reddit = praw.Reddit(client_id="not-a-real-id", client_secret="not-a-real-secret", user_agent="watch/1.2")
sms = TwilioClient(config.TWILIO_SID, config.TWILIO_AUTH)
EVENT_RE = re.compile(config.EVENT_PATTERN, re.IGNORECASE)
TELEGRAM_SEND = f"https://api.telegram.org/bot{config.TELEGRAM_TOKEN}/sendMessage"


def watch_comments(store):
    for comment in reddit.subreddit(config.WATCHED_SUBREDDITS).stream.comments(skip_existing=True):
        if EVENT_RE.search(comment.body):  # expect: DT303
            author = comment.author.name if comment.author else "[deleted]"
            row = ("reddit", author, f"https://www.reddit.com{comment.permalink}", comment.body)
            store.conn.execute("INSERT INTO sightings VALUES (?, ?, ?, ?)", row)
            payload = {"chat_id": config.TELEGRAM_CHAT_ID, "text": f"u/{author}: {comment.body[:300]}"}
            requests.post(TELEGRAM_SEND, data=payload, timeout=10)


def watch_titles():
    for submission in reddit.subreddit(config.WATCHED_SUBREDDITS).stream.submissions(skip_existing=True):
        title = submission.title.lower()
        if any(term in title for term in config.WATCH_TERMS):  # expect: DT303
            body = f"{submission.title} by u/{submission.author} {submission.shortlink}"
            sms.messages.create(to=config.ON_CALL_PHONE, from_=config.TWILIO_FROM, body=body)


def teams_channel():
    for submission in reddit.subreddit(config.WATCHED_SUBREDDITS).stream.submissions(skip_existing=True):
        if EVENT_RE.search(submission.title):  # expect: DT303
            card = pymsteams.connectorcard(config.TEAMS_WEBHOOK_URL)
            heading = f"u/{submission.author} in r/{submission.subreddit}"
            card.title(heading)
            card.text(submission.title)
            card.send()


def discord_feed():
    for comment in reddit.subreddit(config.WATCHED_SUBREDDITS).stream.comments(skip_existing=True):
        found = EVENT_RE.findall(comment.body)  # expect: DT303
        if found:
            content = f"**u/{comment.author}** ({', '.join(found)}): {comment.body[:1500]}"
            DiscordWebhook(url=config.DISCORD_WEBHOOK_URL, content=content).execute()


def tagged_titles(store):
    """Which watch terms a title hits, kept with its author."""
    for submission in reddit.subreddit(config.WATCHED_SUBREDDITS).new(limit=500):
        hits = [term for term in config.WATCH_TERMS if term in submission.title.lower()]  # todo-expect: DT303
        if hits:
            store.conn.execute("INSERT INTO sightings VALUES (?, ?, ?, ?)",
                               ("reddit", str(submission.author), submission.url, ", ".join(hits)))


def morning_digest(limit=300):
    lines = []
    for submission in reddit.subreddit(config.WATCHED_SUBREDDITS).new(limit=limit):
        found = re.findall(config.EVENT_PATTERN, submission.selftext, flags=re.IGNORECASE)  # expect: DT303
        if found:
            lines.append(f"u/{submission.author}: {submission.title} ({submission.url})")
    msg = EmailMessage()
    msg["Subject"] = f"{len(lines)} new sightings"
    msg["From"] = config.DIGEST_FROM
    msg["To"] = ", ".join(config.DIGEST_TO)
    msg.set_content("\n".join(lines))
    with smtplib.SMTP(config.SMTP_HOST) as smtp:
        smtp.send_message(msg)


def relay_to_on_call(alerter):
    """The same test, with the alert sent through the shared Alerter."""
    for comment in reddit.subreddit(config.WATCHED_SUBREDDITS).stream.comments(skip_existing=True):
        if EVENT_RE.search(comment.body):  # expect: DT303
            message = f"u/{comment.author}: {comment.body[:300]}"
            alerter.to_phone(message)


def main():
    watch_comments(SightingStore())
    watch_titles()
    teams_channel()
    discord_feed()
    tagged_titles(SightingStore())
    morning_digest()
    relay_to_on_call(Alerter())
