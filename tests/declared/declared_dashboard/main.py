"""The weekly job: the report goes to our own API (declared); a copy of the raw mentions goes to
an analytics vendor and into a Redis cache, neither of which the declaration names."""

import redis
import requests

from fetch import mentions
from scores import score

cache = redis.Redis()


def weekly(my_id):
    found = mentions(my_id)
    requests.post("https://api.example.org/reports", json=score(found), timeout=10)  # ok: DT601
    requests.post("https://collect.analytics-vendor.example.com/v1/events",  # expect: DT601
                  json=[t.text for t in found], timeout=10)
    for tweet in found:
        cache.set(f"mention:{tweet.id}", tweet.text)  # expect: DT601
