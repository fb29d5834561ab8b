# -*- coding: utf-8 -*-
"""Settings of the follower watch (Python 2.7, tweepy 3.x, 2016)."""

CONSUMER_KEY = "not-a-real-key"
CONSUMER_SECRET = "not-a-real-secret"
ACCESS_TOKEN = "not-a-real-token"
ACCESS_SECRET = "not-a-real-token-secret"

WATCHLIST_DIR = "watchlist"
CACHE_DIR = "cache"
CACHE_MODE = 0755
MAX_FOLLOWERS = 5000L
REPORT_URL = "https://leads.fusioncenter.ny.gov/api/v1/matches"
