"""A search run that writes the account's fields into the config it was given, as twint's run objects do.

The user's own fields (Near, Limit) of this config are not sunk here: see
/work/notes/construct-misses.md (a field write through `self.config` taints the caller's whole config).
"""

import requests
import tweepy
from geopy.geocoders import Nominatim

from settings import AGENT, CASE_URL


class Search:
    def __init__(self, config):
        self.config = config
        self.client = tweepy.Client(bearer_token="AAAA-not-a-token")
        self.geo = Nominatim(user_agent=AGENT)

    def resolve(self, query):
        found = self.client.search_recent_tweets(
            query=query, expansions=["author_id"], user_fields=["username", "location"], max_results=10
        )
        author = found.includes["users"][0]
        self.config.Username = author.username
        self.config.Location = author.location

    def author_home(self):
        return self.geo.geocode(self.config.Location)  # expect: DT302

    def file(self):
        requests.post(CASE_URL, json={"author": self.config.Username}, timeout=30)  # expect: DT201
