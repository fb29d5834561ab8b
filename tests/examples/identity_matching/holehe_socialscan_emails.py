"""Enumerates where the e-mail addresses and usernames of platform users are registered.

Public e-mails of Instagram business profiles (instagrapi, a private-API scraper: DT501) and the
e-mail a Facebook Graph API user shared with the app are sent to holehe's site checks, and Reddit
usernames to socialscan (DT301). The operator's own addresses, from a constant list or the
command line, are checked the same way without a finding.
"""

import argparse
import asyncio

import facebook
import httpx
import instagrapi
import praw
from holehe.core import launch_module
from holehe.modules.shopping.amazon import amazon
from holehe.modules.social_media.twitter import twitter
from socialscan.platforms import Platforms
from socialscan.util import execute_queries, sync_execute_queries

cl = instagrapi.Client()
graph = facebook.GraphAPI(access_token="not-a-real-token", version="3.1")
reddit = praw.Reddit(client_id="not-a-real-id", client_secret="not-a-real-secret", user_agent="idcheck/0.1")
OWN_ADDRESSES = ["security@example.org", "admin@example.org"]


async def holehe_instagram_business(username):
    info = cl.user_info_by_username(username)  # expect: DT502
    out = []
    async with httpx.AsyncClient() as client:
        await twitter(info.public_email, client, out)  # expect: DT301
        await amazon(email=info.public_email, client=client, out=out)  # expect: DT301
    return out


async def holehe_facebook_friend(user_id):
    me = graph.get_object(user_id, fields="email,name")
    out = []
    async with httpx.AsyncClient() as client:
        await launch_module(twitter, me["email"], client, out)  # expect: DT301
    return out


def socialscan_commenters(submission_id):
    submission = reddit.submission(id=submission_id)
    names = [comment.author.name for comment in submission.comments.list() if comment.author]
    return sync_execute_queries(names, [Platforms.GITHUB, Platforms.INSTAGRAM, Platforms.TWITTER])  # expect: DT301


async def socialscan_moderators(subreddit):
    mods = [mod.name for mod in reddit.subreddit(subreddit).moderator()]
    return await execute_queries(mods)  # expect: DT301


async def own_addresses():
    out = []
    async with httpx.AsyncClient() as client:
        for address in OWN_ADDRESSES:
            await twitter(address, client, out)  # ok: DT301
            await launch_module(amazon, address, client, out)  # ok: DT301
    return out


def check_from_cli():
    parser = argparse.ArgumentParser(description="Is my handle taken?")
    parser.add_argument("handle")
    args = parser.parse_args()
    return sync_execute_queries([args.handle, "example.org"], [Platforms.GITHUB])  # ok: DT301


def check_team_handles():
    return asyncio.run(execute_queries(["acme_support", "acme_jobs"]))  # ok: DT301
