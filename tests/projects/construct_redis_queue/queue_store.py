"""A Redis-backed hand-off between the collector and the reporter (two processes)."""

import redis

from settings import PROFILE_KEY, REDIS_URL

r = redis.Redis.from_url(REDIS_URL)


def put_profile(username, fields):
    r.hset(PROFILE_KEY + username, mapping=fields)
    r.rpush("profiles:pending", username)


def pending():
    return [name.decode() for name in r.lrange("profiles:pending", 0, -1)]


def profile(username):
    return r.hgetall(PROFILE_KEY + username)


def bump(counter):
    r.set("stats:" + counter, 1)
