"""Reddit comments e-mailed to a police address (.police.uk) with smtplib.

The same body sent to the moderators' own address is not a disclosure to the public sector, and
an e-mail to the police that only says how many comments matched carries no platform data.
"""

import smtplib

import praw

SENDER = "desk@example.co.uk"
PASSWORD = "not-a-real-password"
TIP_ADDRESS = "cyber.intel@met.police.uk"
TEAM_ADDRESS = "moderators@example.co.uk"

reddit = praw.Reddit("watchbot")


def collect(subreddit):
    lines = []
    for comment in reddit.subreddit(subreddit).comments(limit=500):
        if "meetup" in comment.body.lower():
            lines.append(f"u/{comment.author} ({comment.created_utc}): {comment.body}")
    return lines


def email_reports(subreddit):
    lines = collect(subreddit)
    body = "Subject: r/{} digest\n\n{}".format(subreddit, "\n".join(lines))
    with smtplib.SMTP("smtp.example.co.uk", 587) as server:
        server.starttls()
        server.login(SENDER, PASSWORD)
        server.sendmail(SENDER, TIP_ADDRESS, body)  # expect: DT201
        server.sendmail(SENDER, TEAM_ADDRESS, body)  # ok: DT201
        server.sendmail(SENDER, TIP_ADDRESS, f"Subject: volume\n\n{len(lines)} comments matched")  # ok: DT201


def email_many(subreddit):
    body = "\n\n".join(collect(subreddit))
    smtplib.SMTP_SSL("smtp.example.co.uk", 465).sendmail(SENDER, ["intel@merseyside.police.uk", TEAM_ADDRESS], body)  # expect: DT201
