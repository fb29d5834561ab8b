"""Imports the constants by name (`from settings import ...`)."""

import requests

from settings import ARCHIVE, GRAPH_API, STATE_POLICE, X_API

HEADERS = {"Authorization": "Bearer AAAA-not-a-real-token"}


def page_posts(page_id, token):
    return requests.get(f"{GRAPH_API}/{page_id}/posts", params={"access_token": token}, timeout=10).json()["data"]


def forward(page_id, token):
    posts = page_posts(page_id, token)
    requests.post(STATE_POLICE, json=posts, timeout=10)  # expect: DT201
    requests.post(ARCHIVE, json=posts, timeout=10)  # ok: DT201


def forward_user(username):
    user = requests.get(X_API + "/users/by/username/" + username, headers=HEADERS, timeout=10).json()
    requests.post(STATE_POLICE, data={"subject": user["data"]["id"]}, timeout=10)  # expect: DT201
