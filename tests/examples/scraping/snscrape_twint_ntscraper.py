"""A tweet archiver built on the usual unofficial X scrapers, with an official-API fallback.

snscrape, twint, ntscraper (Nitter mirrors), twscrape and twikit all collect X data without the
API and outside the Developer Agreement; DT501 is reported at each collecting call, whether or not
the data goes anywhere. The same archive fetched through tweepy.Client (the official API) is not
scraping.
"""

import asyncio
import json

import snscrape.modules.twitter as sntwitter
import tweepy
import twikit
import twint
from ntscraper import Nitter
from twscrape import API

client = tweepy.Client(bearer_token="AAAA-not-a-real-token")
nitter = Nitter(log_level=1, skip_instance_check=False)
pool = API("accounts.db")
tk = twikit.Client("en-US")


def archive_snscrape(query, limit=500):
    tweets = []
    for i, tweet in enumerate(sntwitter.TwitterSearchScraper(query).get_items()):  # expect: DT501
        if i >= limit:
            break
        tweets.append({"id": tweet.id, "user": tweet.user.username, "content": tweet.rawContent})
    return tweets


def archive_user_snscrape(username):
    scraper = sntwitter.TwitterUserScraper(username)
    return [t.rawContent for t in scraper.get_items()]


def archive_twint(username):
    config = twint.Config()
    config.Username = username
    config.Store_object = True
    config.Hide_output = True
    twint.run.Search(config)  # expect: DT501
    return twint.output.tweets_list


def archive_nitter(username):
    profile = nitter.get_profile_info(username)  # expect: DT501
    tweets = nitter.get_tweets(username, mode="user", number=200)
    return profile, tweets["tweets"]


async def archive_twscrape(query):
    return [t.json() async for t in pool.search(query, limit=200)]  # expect: DT502


async def archive_twikit(username):
    await tk.login(auth_info_1="not-a-real-user", password="not-a-real-password")
    user = await tk.get_user_by_screen_name(username)  # expect: DT502
    return await tk.get_user_tweets(user.id, "Tweets", count=40)


def archive_official(username):
    user = client.get_user(username=username).data  # ok: DT501
    tweets = client.get_users_tweets(user.id, max_results=100)  # ok: DT501
    return [t.text for t in tweets.data or []]


def archive_official_search(query):
    return tweepy.Paginator(client.search_recent_tweets, query=query, max_results=100).flatten(limit=500)  # ok: DT501


if __name__ == "__main__":
    print(json.dumps(archive_snscrape("from:nasa"), default=str)[:200])
    asyncio.run(archive_twikit("nasa"))
