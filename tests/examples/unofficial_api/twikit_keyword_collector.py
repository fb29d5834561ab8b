"""A keyword collector that logs in to X's internal web API with twikit, next to an official one.

DT502 (off by default) reports an unofficial client once per module and library, at its first
collecting call. The official tweepy client stays quiet, and so do twikit calls that only post or
log in: they collect nothing.
"""

import asyncio
import json
from pathlib import Path

import tweepy
import twikit

QUERIES = ("heatwave", "flood warning")
OUT = Path("collected")


async def collect_with_cookies(cookies: str) -> list[dict]:
    client = twikit.Client("en-US")
    client.load_cookies(cookies)  # ok: DT502
    rows = []
    for query in QUERIES:
        tweets = await client.search_tweet(query, "Latest", count=40)  # expect: DT502
        rows += [{"id": t.id, "text": t.text, "query": query} for t in tweets]
    trends = await client.get_trends("trending")  # ok: DT502
    await client.create_tweet(text=f"collected {len(rows)} posts")  # ok: DT502
    return rows + [{"trend": t.name} for t in trends]


def collect_officially(bearer_token: str) -> list[dict]:
    api = tweepy.Client(bearer_token=bearer_token)
    rows = []
    for query in QUERIES:
        page = api.search_recent_tweets(query=query, max_results=50)  # ok: DT502
        rows += [{"id": t.id, "text": t.text, "query": query} for t in page.data or []]
    return rows


def save(rows: list[dict], name: str) -> None:
    OUT.mkdir(exist_ok=True)
    (OUT / f"{name}.json").write_text(json.dumps(rows))


if __name__ == "__main__":
    save(asyncio.run(collect_with_cookies("cookies.json")), "web")
