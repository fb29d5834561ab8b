"""Imports the settings module and reads its attributes (`settings.GRAPH_API`)."""

import requests

import settings


def forward(page_id, token):
    posts = requests.get(f"{settings.GRAPH_API}/{page_id}/posts", params={"access_token": token}).json()
    requests.post(settings.DHS_TIPS, json=posts, timeout=10)  # expect: DT201
    requests.post(settings.ARCHIVE, json=posts, timeout=10)  # ok: DT201


def forward_with_local_copy(page_id, token):
    graph = settings.GRAPH_API
    posts = requests.get(graph + f"/{page_id}/posts", params={"access_token": token}).json()
    requests.post(settings.DHS_TIPS, json=posts, timeout=10)  # expect: DT201
