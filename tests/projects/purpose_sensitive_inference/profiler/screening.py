"""Keyword lists and patterns over bios: a list of who matched is kept; a count is not."""

import csv
import re

import joblib

from profiler import collect
from profiler.settings import DEPRESSION_MODEL, HEALTH_PATTERN, ORIENTATION_WORDS, SPAM_MODEL

depression = joblib.load(DEPRESSION_MODEL)
spam = joblib.load(SPAM_MODEL)


def flag_health(query, out="flagged.csv"):
    flagged = []
    for tweet in collect.search(query):
        if re.search(HEALTH_PATTERN, tweet.text, re.I):  # expect: DT401
            flagged.append({"author": tweet.author_id, "text": tweet.text})
    with open(out, "w", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=["author", "text"])
        writer.writerows(flagged)


def orientation_hits(username):
    words = set(collect.timeline_text(username).lower().split())
    return words & ORIENTATION_WORDS  # expect: DT401


def health_mentions(query):
    return sum(1 for t in collect.search(query) if re.search(HEALTH_PATTERN, t.text))  # ok: DT401


def score_depression(username):
    features = [collect.timeline_text(username)]
    return depression.predict_proba(features)[0][1]  # expect: DT401


def drop_spam(query):
    return [t for t in collect.search(query) if not spam.predict([t.text])[0]]  # ok: DT401
