"""Crops the square centre of Instagram profile pictures (Graph API business discovery) with Pillow."""

from io import BytesIO

import requests
from PIL import Image

GRAPH = "https://graph.facebook.com/v19.0"


def crop(ig_user_id, username, token):
    fields = f"business_discovery.username({username}){{profile_picture_url}}"
    data = requests.get(f"{GRAPH}/{ig_user_id}", params={"fields": fields, "access_token": token}).json()
    raw = requests.get(data["business_discovery"]["profile_picture_url"], timeout=10).content
    img = Image.open(BytesIO(raw)).convert("RGB")
    side = min(img.size)
    img.crop((0, 0, side, side)).save(f"crops/{username}.png")
    Image.new("RGB", (64, 64)).save("crops_blank/placeholder.png")
