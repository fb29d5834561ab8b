"""Collects X followers, a redditor's submitters and tweet authors into the store."""

import csv
import datetime

import praw
import tweepy

import store
from settings import STAFF_CSV

client = tweepy.Client(bearer_token="AAAA-not-a-token")
reddit = praw.Reddit(client_id="id", client_secret="secret", user_agent="watchlist/0.3")


def collect_followers(conn, user_id):
    page = client.get_users_followers(user_id, max_results=1000, user_fields=["profile_image_url"])
    for user in page.data or []:
        store.save(conn, user.username, user.profile_image_url)
    conn.commit()


def collect_redditor(conn, name):
    rows = []
    for submission in reddit.redditor(name).submissions.new(limit=200):
        author = submission.author
        rows.append((author.name, author.icon_img, author.link_karma))
    store.store_all(conn, rows)


def collect_tweet_media(conn, query):
    response = client.search_recent_tweets(
        query=query, expansions=["author_id"], user_fields=["username", "profile_image_url"], max_results=100
    )
    users = response.includes.get("users", [])
    store.save_posts(conn, [(u.username, u.profile_image_url) for u in users])


def collect_places(conn, handles):
    users = client.get_users(usernames=handles, user_fields=["location"]).data or []
    store.save_places(conn, [u.username for u in users], [u.location for u in users])
    conn.commit()


def load_offices(conn, offices):
    for city, address in offices.items():
        store.add_office(conn, city, address)
    conn.commit()


def record_run(conn, query):
    store.set_option(conn, "last_query", query)
    store.set_option(conn, "last_run", datetime.datetime.now().isoformat())
    conn.commit()


def load_staff(conn):
    with open(STAFF_CSV, newline="") as fh:
        for name, photo in csv.reader(fh):
            store.add_staff(conn, name, photo)
    conn.commit()


def main():
    conn = store.connect()
    collect_followers(conn, "2244994945")
    collect_redditor(conn, "spez")
    collect_tweet_media(conn, "#citymarathon has:images")
    record_run(conn, "#citymarathon has:images")
    load_staff(conn)
    collect_places(conn, ["nasa", "esa"])
    load_offices(conn, {"Berlin": "Unter den Linden 1", "Paris": "1 Rue de Rivoli"})
