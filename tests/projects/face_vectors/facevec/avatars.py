"""Profile pictures: the followers of an X account, the members of a Telegram group, and the
commenters of a subreddit."""

import cv2
import numpy as np
import praw
import requests
import tweepy
from telethon.sync import TelegramClient

from facevec import settings

client = tweepy.Client(bearer_token=settings.BEARER_TOKEN)
reddit = praw.Reddit(client_id="not-a-real-id", client_secret="not-a-real-secret", user_agent="facevec/0.1")


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


def reddit_commenter_avatars(subreddit, limit=500):
    seen = set()
    for comment in reddit.subreddit(subreddit).comments(limit=limit):
        author = comment.author
        if author is None or author.name in seen:
            continue
        seen.add(author.name)
        yield author.name, decode(requests.get(author.icon_img, timeout=10).content)
