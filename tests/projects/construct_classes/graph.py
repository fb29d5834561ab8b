"""A Graph API client made in a base class; subclasses call its helper and send what they read."""

import requests
import tweepy
from geopy.geocoders import Nominatim

import endpoints


class GraphClient:
    BASE = endpoints.GRAPH

    def __init__(self, token):
        self.http = requests.Session()
        self.token = token

    def get(self, path, **params):
        return self.http.get(f"{self.BASE}/{path}", params={"access_token": self.token, **params}, timeout=10).json()


class FriendLeads(GraphClient):
    LEADS = endpoints.TIPS

    def friends(self, user_id):
        return [friend["name"] for friend in self.get(f"{user_id}/friends", limit=500)["data"]]

    def file_leads(self, user_id):
        requests.post(self.LEADS, json={"names": self.friends(user_id)}, timeout=30)  # expect: DT201

    def file_office(self):
        requests.post(self.LEADS, json={"office": endpoints.OFFICE_ADDRESS}, timeout=30)  # ok: DT201


class Locating:
    OFFICE = endpoints.OFFICE_ADDRESS

    def __init__(self, agent):
        self.geocoder = Nominatim(user_agent=agent)


class ProfileLocator(Locating):
    def __init__(self, token):
        super().__init__("leads/1.0")
        self.client = tweepy.Client(bearer_token=token)

    def home_of(self, handle):
        user = self.client.get_user(username=handle, user_fields=["location"]).data
        return self.geocoder.geocode(user.location)  # expect: DT302

    def office(self):
        return self.geocoder.geocode(self.OFFICE)  # ok: DT302
