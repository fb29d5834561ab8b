"""Sends the queued profiles on, and the worker's own counters to the metrics service."""

import redis
import requests

import queue_store
from settings import INTAKE_URL, METRICS_URL, REDIS_URL


def report_pending():
    requests.post(INTAKE_URL, json={"handles": queue_store.pending()}, timeout=30)  # expect: DT201
    requests.post(INTAKE_URL, json=queue_store.latest_profile(), timeout=30)  # expect: DT201


def push_metrics():
    local = redis.Redis.from_url(REDIS_URL)
    uptime = local.get("worker:uptime")
    requests.post(INTAKE_URL, json={"uptime": uptime}, timeout=5)  # ok: DT201
    requests.post(METRICS_URL, json={"collected": local.get("stats:collected")}, timeout=5)
