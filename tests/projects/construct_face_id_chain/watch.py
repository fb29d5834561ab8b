"""Matches the avatars of accounts that reply to the council's posts against the watch list."""

import tweepy

from faces import FaceService
from settings import WATCH_GROUP

client = tweepy.Client(bearer_token="AAAA-not-a-token")
service = FaceService(WATCH_GROUP)


def repliers(conversation_id):
    page = client.search_recent_tweets(f"conversation_id:{conversation_id}", expansions=["author_id"],
                                       user_fields=["profile_image_url"])
    return page.includes["users"]


def run(conversation_id):
    matches = {}
    for user in repliers(conversation_id):
        matches[user.username] = service.candidates(user.profile_image_url)
    return matches
