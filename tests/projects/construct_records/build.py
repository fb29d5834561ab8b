"""Helpers that turn API results into records and return them in lists and dicts."""

import datetime
import os

import praw
import tweepy

from models import Avatar, Lead, Person, Post, Profile, Row, Run, StaffMember
from settings import STAFF_DIR

client = tweepy.Client(bearer_token="AAAA-not-a-token")
reddit = praw.Reddit(client_id="id", client_secret="secret", user_agent="records/0.9")


def people(user_id):
    page = client.get_users_followers(user_id, user_fields=["username", "profile_image_url", "location"])
    return [Person(user.username, user.profile_image_url, user.location or "") for user in page.data or []]


def posts_by(name):
    return {
        submission.id: Post(author=submission.author.name, media_url=submission.url, created=submission.created_utc)
        for submission in reddit.redditor(name).submissions.new(limit=100)
    }


def profiles(query):
    found = client.search_recent_tweets(query=query, expansions=["author_id"], user_fields=["profile_image_url", "description"])
    return [Profile(username=u.username, avatar=u.profile_image_url, bio=u.description or "") for u in found.includes["users"]]


def profiles_from_raw(query):
    found = client.search_recent_tweets(query=query, expansions=["author_id"], user_fields=["profile_image_url"])
    return {u.username: Profile.model_validate({"username": u.username, "avatar": u.profile_image_url}) for u in found.includes["users"]}


def staff():
    return [StaffMember(os.path.splitext(name)[0], os.path.join(STAFF_DIR, name)) for name in sorted(os.listdir(STAFF_DIR))]


def run(query, user_id):
    return Run(query=query, started=datetime.datetime.now().isoformat(), people=people(user_id))


def avatars(user_id):
    page = client.get_users_followers(user_id, user_fields=["profile_image_url"])
    return [Avatar(user.profile_image_url) for user in page.data or []]


def banner_posts():
    return [Post(author="press-office", media_url=f"static/banner-{n}.png", created=0.0) for n in range(3)]


def leads(name):
    return [Lead(s.author.name, s.url, s.subreddit.display_name) for s in reddit.redditor(name).submissions.new(limit=100)]


def office_leads():
    return [Lead("front-desk", os.path.join(STAFF_DIR, "desk.jpg")), Lead("night-shift", os.path.join(STAFF_DIR, "night.jpg"))]


def rows(user_id) -> list[Row]:
    page = client.get_users_followers(user_id, user_fields=["profile_image_url"])
    return [{"handle": u.username, "photo": u.profile_image_url} for u in page.data or []]


def staff_rows() -> list[Row]:
    return [{"handle": m.name, "photo": m.photo} for m in staff()]
