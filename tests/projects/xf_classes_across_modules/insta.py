"""A wrapper around instagrapi, defined here and instantiated in main.py."""

from instagrapi import Client


class InstaSession:
    def __init__(self, username, password):
        self.cl = Client()
        self.cl.login(username, password)
        self.last_followers = {}

    def followers(self, target):
        user_id = self.cl.user_id_from_username(target)  # expect: DT502
        self.last_followers = self.cl.user_followers(user_id, amount=200)
        return self.last_followers

    def follower_count(self, target):
        info = self.cl.user_info_by_username(target)
        return info.follower_count
