"""tweepy 3 helpers: one authenticated client, and the followers of an account, page by page."""

import sys

import tweepy

import settings


def client():
    auth = tweepy.OAuthHandler(settings.CONSUMER_KEY, settings.CONSUMER_SECRET)
    auth.set_access_token(settings.ACCESS_TOKEN, settings.ACCESS_SECRET)
    return tweepy.API(auth, wait_on_rate_limit=True, wait_on_rate_limit_notify=True)


def followers(api, screen_name):
    """Every follower of ``screen_name`` (tweepy 3 still called it ``api.followers``)."""
    found = []
    try:
        for user in tweepy.Cursor(api.followers, screen_name=screen_name, count=200).items(settings.MAX_FOLLOWERS):
            found.append(user)
    except tweepy.TweepError, e:
        print >>sys.stderr, "stopped after %d followers of %s: %s" % (len(found), screen_name, e)
    return found
