"""Facebook friends' profile pictures through the Graph API (the URL comes from config)."""

import requests

from .config import GRAPH_API


def friends_pictures(token):
    friends = requests.get(f"{GRAPH_API}/me/friends", params={"access_token": token}, timeout=10).json()
    return {
        f["name"]: requests.get(f"{GRAPH_API}/{f['id']}/picture?type=large", timeout=10).content
        for f in friends["data"]
    }
