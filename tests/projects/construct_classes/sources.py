"""Subclasses that fetch from the platforms; the clients reach the base through super().__init__."""

import os

import requests
import tweepy

from base import Pipeline


class FollowersPipeline(Pipeline):
    def __init__(self, token, user_id):
        super().__init__(tweepy.Client(bearer_token=token))
        self.user_id = user_id

    def fetch(self):
        page = self.client.get_users_followers(self.user_id, max_results=1000, user_fields=["username", "profile_image_url"])
        return [{"handle": user.username, "pic": user.profile_image_url} for user in page.data or []]


class RedditorPipeline(Pipeline):
    def __init__(self, reddit, name):
        super().__init__(reddit)
        self.name = name

    def fetch(self):
        posts = self.client.redditor(self.name).submissions.new(limit=100)
        return [{"handle": post.author.name, "pic": post.url, "title": post.title} for post in posts]


class ScanFolderPipeline(Pipeline):
    """The office's own scans. Its upload of the index calls its own fetch.

    An override of `sink` here would be reported: the base's template calls every override of
    `fetch` and `sink` whatever the receiver's class (construct-misses.md).
    """

    ENDPOINT = "https://records.example-agency.gov/api/v1/scans"

    def __init__(self, folder):
        super().__init__(None)
        self.folder = folder

    def fetch(self):
        return [{"file": name} for name in sorted(os.listdir(self.folder)) if name.endswith(".pdf")]

    def upload_index(self):
        requests.post(self.ENDPOINT, json={"scans": self.fetch()}, timeout=self.TIMEOUT)  # ok: DT201
