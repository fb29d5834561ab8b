"""A tip-line reporter that searches X and POSTs the flagged tweets to a .gov endpoint.

The tweepy client lives on `self`; one method searches and POSTs in the same call chain, another
sends what an earlier call stored on `self.flagged` (both DT201, at the request). A heartbeat that
only sends how many tweets are pending is a count, not platform data.
"""

import requests
import tweepy

KEYWORDS = ("giveaway", "wire transfer", "gift card")


class TipReporter:
    def __init__(self, bearer_token):
        self.client = tweepy.Client(bearer_token=bearer_token)
        self.flagged = []

    def flag(self, query):
        resp = self.client.search_recent_tweets(query=query, tweet_fields=["author_id", "created_at"], max_results=100)
        hits = [t for t in resp.data or [] if any(k in t.text.lower() for k in KEYWORDS)]
        requests.post(  # expect: DT201
            "https://tips.dhs.gov/api/report",
            json={"tweets": [{"id": t.id, "author": t.author_id, "text": t.text} for t in hits]},
            timeout=10,
        )
        self.flagged.extend(hits)
        return len(hits)

    def send_backlog(self):
        payload = [tweet.data for tweet in self.flagged]
        requests.post("https://tips.dhs.gov/api/report/batch", json=payload)  # expect: DT201
        self.flagged.clear()

    def send_heartbeat(self):
        requests.post("https://tips.dhs.gov/api/heartbeat", json={"pending": len(self.flagged)})  # ok: DT201
