"""Logged-in clients for Instagram's private mobile API and the web app's API."""

from instagram_private_api import Client
from instagram_web_api import Client as WebClient

USERNAME, PASSWORD = "operator", "not-a-real-password"

mobile = Client(USERNAME, PASSWORD, auto_patch=True)
web = WebClient(auto_patch=True, drop_incompat_keys=False)
