"""A Redis-backed hand-off between the collector and the reporter (two processes)."""

import redis

from settings import REDIS_URL

PROFILE_KEY = "profile:"

r = redis.Redis.from_url(REDIS_URL)


def put_profile(fields):
    r.hset(PROFILE_KEY + "latest", mapping=fields)


def put_handle(username):
    r.rpush("handles:pending", username)


def pending():
    return [name.decode() for name in r.lrange("handles:pending", 0, -1)]


def latest_profile():
    return r.hgetall(PROFILE_KEY + "latest")


def bump(counter):
    r.set("stats:" + counter, 1)
