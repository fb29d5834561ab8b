"""Back up the station account's own timeline to a JSON file."""

import io
import json
import os
import sys

import tweepy

import config


def own_api():
    auth = tweepy.OAuthHandler(config.CONSUMER_KEY, config.CONSUMER_SECRET)
    auth.set_access_token(config.ACCESS_TOKEN, config.ACCESS_SECRET)
    return tweepy.API(auth)


def backup(api):
    me = api.me()
    tweets = []
    try:
        for status in api.user_timeline(count=200):
            tweets.append({"id": status.id_str, "text": status.text, "at": str(status.created_at)})
    except tweepy.TweepError, e:
        print >>sys.stderr, "could not read the timeline:", e
    if not os.path.isdir(config.ARCHIVE_DIR):
        os.makedirs(config.ARCHIVE_DIR, config.ARCHIVE_MODE)
    path = os.path.join(config.ARCHIVE_DIR, "%s.json" % me.screen_name)
    with io.open(path, "w", encoding="utf-8") as out:
        out.write(unicode(json.dumps(tweets, ensure_ascii=False)))
    print "saved %d tweets to %s" % (len(tweets), path)
