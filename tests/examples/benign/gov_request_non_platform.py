"""A weather bot: reads forecasts from a .gov API, tweets them, and reports its own sensor.

The .gov hosts get only the bot's own station readings; the only platform call is a post. The
bot reads its mentions, but only its own constants go to the .gov host.
"""

import csv

import requests
import tweepy

STATION = "KNYC-01"
client = tweepy.Client(bearer_token="AAAA-not-a-real-token", access_token="t", access_token_secret="s")


def tweet_forecast():
    forecast = requests.get("https://api.weather.gov/gridpoints/OKX/33,35/forecast", timeout=10).json()
    period = forecast["properties"]["periods"][0]
    client.create_tweet(text=f"{period['name']}: {period['detailedForecast']}"[:280])


def upload_readings(path="readings.csv"):
    with open(path, newline="") as fh:
        rows = list(csv.DictReader(fh))
    requests.post("https://sensors.epa.gov/api/upload", json={"station": STATION, "rows": rows})  # ok: DT201


def answer_mentions(my_id):
    mentions = client.get_users_mentions(my_id).data or []
    for mention in mentions:
        client.create_tweet(text="Forecasts every morning at 7.", in_reply_to_tweet_id=mention.id)
    requests.post("https://sensors.epa.gov/api/heartbeat", json={"station": STATION, "status": "ok"})  # ok: DT201
