"""Profile pictures: the followers of an X account, and the members of a Telegram group."""

import cv2
import numpy as np
import requests
import tweepy
from telethon.sync import TelegramClient

from facevec import settings

client = tweepy.Client(bearer_token=settings.BEARER_TOKEN)


def decode(data):
    return cv2.imdecode(np.frombuffer(data, dtype=np.uint8), cv2.IMREAD_COLOR)


def x_follower_avatars(username, limit=1000):
    account = client.get_user(username=username).data
    resp = client.get_users_followers(account.id, max_results=limit, user_fields=["profile_image_url"])
    for user in resp.data or []:
        url = user.profile_image_url.replace("_normal", "_400x400")
        yield user.username, decode(requests.get(url, timeout=10).content)


def telegram_member_photos(group):
    with TelegramClient("facevec", settings.TG_API_ID, settings.TG_API_HASH) as tg:
        for member in tg.iter_participants(group):
            data = tg.download_profile_photo(member, file=bytes)
            if data:
                yield member.username or str(member.id), decode(data)
