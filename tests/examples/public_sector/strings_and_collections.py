"""Tweets turned into strings and collections before they are POSTed to a .gov endpoint.

f-strings, str.format, str.join, dict.update, list.append, the walrus operator and a global
all keep the data platform data (DT201). A status message sent from the same function is quiet.
"""

import requests
import tweepy

REPORT = "https://tips.fbi.gov/api/submit"
client = tweepy.Client(bearer_token="AAAA-not-a-real-token")
LATEST = None


def fstring(query):
    tweets = client.search_recent_tweets(query).data
    summary = f"{len(tweets)} tweets, first: {tweets[0].text}"
    requests.post(REPORT, data={"summary": summary})  # expect: DT201


def format_and_join(query):
    tweets = client.search_recent_tweets(query).data
    body = "Matches for {}:\n{}".format(query, "\n".join(t.text for t in tweets))
    requests.post(REPORT, data=body.encode("utf-8"))  # expect: DT201


def dict_update(query):
    payload = {"source": "x", "query": query}
    payload.update(tweets=[t.data for t in client.search_recent_tweets(query).data])
    requests.post(REPORT, json=payload)  # expect: DT201


def list_append(user_ids):
    rows = []
    for uid in user_ids:
        rows.append(client.get_user(id=uid, user_fields=["description"]).data.data)
    requests.post(REPORT, json={"rows": rows})  # expect: DT201


def walrus(query):
    requests.post(REPORT, json={"query": query, "status": "started"})  # ok: DT201
    if tweets := client.search_recent_tweets(query).data:
        requests.post(REPORT, json=[t.text for t in tweets])  # expect: DT201


def remember(query):
    global LATEST
    LATEST = client.search_recent_tweets(query).data


def send_latest():
    requests.post(REPORT, json=[t.id for t in LATEST])  # expect: DT201
