"""Nightly ingest: recent mentions and the profiles of their authors, into the warehouse."""

import pandas as pd
import tweepy

from config import MENTIONS_TABLE
from warehouse import engine, save_frame, save_profiles

client = tweepy.Client(bearer_token="AAAA-not-a-token")


def ingest(query):
    page = client.search_recent_tweets(query, expansions=["author_id"],
                                       user_fields=["profile_image_url", "description"])
    frame = pd.DataFrame([{"id": t.id, "text": t.text, "author_id": t.author_id} for t in page.data])
    save_frame(frame, MENTIONS_TABLE)
    rows = [{"handle": u.username, "avatar_url": u.profile_image_url, "bio": u.description}
            for u in page.includes["users"]]
    with engine.begin() as conn:
        save_profiles(conn, rows)


if __name__ == "__main__":
    ingest("#citycouncil -is:retweet")
