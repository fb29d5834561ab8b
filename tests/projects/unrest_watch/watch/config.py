"""Watch lists, patterns and alert destinations of the monitor, in one place."""

import os

# Filtered-stream rules: (value, tag).
STREAM_RULES = [
    ("(protest OR rally) has:geo -is:retweet", "unrest"),
    ("(walkout OR picket) lang:en -is:retweet", "labour"),
]
BACKFILL_QUERY = '("day of action" OR counterprotest OR counter-protesters) -is:retweet'
WATCH_TERMS = ["protest", "march", "vigil", "walkout", "picket line", "sit-in"]
EVENT_PATTERN = r"\b(protest(er)?s?|rall(y|ies)|riots?|general strike|walkouts?)\b"
WATCHED_CHANNELS = ["citynews_live", "transit_updates", "campus_voice"]
ALERT_CHANNEL = "unrest_desk_alerts"
OUTAGE_CHANNELS = ["isp_status_feed"]
WATCHED_SUBREDDITS = "news+politics+LosAngeles+chicago"

# Operations: what the on-call channel hears about.
OUTAGE_TERMS = ["outage", "is down", "502", "status page", "degraded", "cannot log in"]
OPS_SUBREDDITS = "sysadmin+aws+devops"

# Moderation of our own community.
NEWS_SUBREDDIT = "CityNewsDesk"
LOCK_NOTE = "Locked: threads about protests in the city are collected in the daily megathread."
OWN_SUBREDDIT = "HomeLabDeals"
SPAM_PATTERN = r"(crypto giveaway|dm me for|onlyfans|t\.me/\w+|whatsapp \+\d+)"
REMOVAL_NOTE = "Removed: spam or self-promotion (rule 3)."

# Alert destinations.
SLACK_TOKEN = os.environ.get("SLACK_TOKEN", "xoxb-not-a-real-token")
SLACK_CHANNEL = "#field-alerts"
OPS_CHANNEL = "#ops-oncall"
TEAMS_WEBHOOK_URL = "https://example.webhook.office.com/webhookb2/not-a-real-hook"
DISCORD_WEBHOOK_URL = "https://discord.com/api/webhooks/000/not-a-real-hook"
SLACK_WEBHOOK_URL = "https://hooks.slack.com/services/T000/B000/not-a-real-hook"
TELEGRAM_TOKEN = os.environ.get("TELEGRAM_TOKEN", "000:not-a-real-token")
TELEGRAM_CHAT_ID = -1001234567890
TWILIO_SID = os.environ.get("TWILIO_SID", "AC-not-a-real-sid")
TWILIO_AUTH = os.environ.get("TWILIO_AUTH", "not-a-real-token")
TWILIO_FROM = "+15005550006"
ON_CALL_PHONE = "+15005550009"
SMTP_HOST = "smtp.example.org"
DIGEST_FROM = "watch@example.org"
DIGEST_TO = ["desk@example.org"]

DB_PATH = "sightings.db"
TG_API_ID = 12345
TG_API_HASH = "not-a-real-hash"
BEARER_TOKEN = os.environ.get("X_BEARER", "AAAA-not-a-real-token")
