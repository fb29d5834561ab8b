"""An OSINT script that takes the followers of an X account and looks each handle up elsewhere.

The handles come from the X API (tweepy), so feeding them to sherlock or maigret links X accounts
to their owners' other identities (DT301). Checking the operator's own handles, read from a
constant list, is a legitimate self-audit and stays quiet.
"""

import asyncio
import logging

import maigret
import tweepy
from sherlock_project.notify import QueryNotifyPrint
from sherlock_project.sherlock import sherlock
from sherlock_project.sites import SitesInformation

client = tweepy.Client(bearer_token="AAAA-not-a-real-token")
SITES = {site.name: site.information for site in SitesInformation()}
NOTIFY = QueryNotifyPrint(print_all=False)
MY_HANDLES = ["acme_support", "acme_jobs", "acme_status"]
log = logging.getLogger("osint")


def followers_of(handle, limit=100):
    user = client.get_user(username=handle).data
    return client.get_users_followers(user.id, max_results=limit).data or []


def sherlock_followers(handle):
    found = {}
    for follower in followers_of(handle):
        found[follower.username] = sherlock(follower.username, SITES, NOTIFY, timeout=30)  # expect: DT301
    return found


def sherlock_one_mention(tweet_id):
    tweet = client.get_tweet(tweet_id, expansions=["author_id"], user_fields=["username"])
    author = tweet.includes["users"][0]
    return sherlock(username=author.username, site_data=SITES, query_notify=NOTIFY)  # expect: DT301


async def maigret_followers(handle, db):
    results = {}
    for follower in followers_of(handle, limit=20):
        results[follower.username] = await maigret.search(  # expect: DT301
            username=follower.username, site_dict=db.sites_dict, logger=log, timeout=20
        )
    return results


def audit_my_accounts():
    return {name: sherlock(name, SITES, NOTIFY) for name in MY_HANDLES}  # ok: DT301


async def audit_my_accounts_maigret(db):
    return [await maigret.search(name, db.sites_dict, log) for name in MY_HANDLES]  # ok: DT301


if __name__ == "__main__":
    print(sherlock_followers("some_journalist"))
    print(audit_my_accounts())
    asyncio.run(audit_my_accounts_maigret(None))
