"""Fills the accounts table from X followers and sightings from geotagged tweets."""

import tweepy

from watch.db import Account, Session, Sighting, Volunteer

client = tweepy.Client(bearer_token="AAAA-not-a-token")


def store_followers(user_id):
    session = Session()
    page = client.get_users_followers(user_id, user_fields=["profile_image_url"])
    for user in page.data or []:
        session.add(Account(handle=user.username, avatar_url=user.profile_image_url))
    session.commit()


def store_sightings(query):
    tweets = client.search_recent_tweets(query=query, expansions=["geo.place_id"], max_results=100)
    with Session() as session:
        for tweet in tweets.data or []:
            sighting = Sighting(handle=str(tweet.author_id), place=str(tweet.geo))
            session.add(sighting)
        session.commit()


def add_volunteer(session, name, photo):
    session.add(Volunteer(name=name, photo=photo))
