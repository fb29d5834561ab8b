"""Exports protest-hashtag tweets with their authors to a CSV file."""

import pandas as pd
import tweepy

client = tweepy.Client(bearer_token="AAAA-not-a-real-token")


def export(hashtag):
    resp = client.search_recent_tweets(f"#{hashtag}", expansions=["author_id"], user_fields=["location"])
    users = {u.id: u for u in resp.includes["users"]}
    rows = [{"text": t.text, "user": users[t.author_id].username, "location": users[t.author_id].location}
            for t in resp.data or []]
    pd.DataFrame(rows).to_csv("exports/tweets.csv", index=False)
    pd.DataFrame([{"hashtag": hashtag, "n": len(rows)}]).to_csv("exports/volume.csv", index=False)
