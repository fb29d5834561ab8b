"""Zero-shot labels over posts: what is inferred depends on the labels, and on what is kept."""

import sqlite3

from transformers import pipeline

from profiler import collect
from profiler.settings import PARTY_LABELS, RELIGION_LABELS, TOPIC_LABELS

classifier = pipeline("zero-shot-classification", model="facebook/bart-large-mnli")


def religion_of(username):
    text = collect.timeline_text(username)
    return classifier(text, candidate_labels=RELIGION_LABELS)["labels"][0]  # expect: DT401


def party_table(query, db="profiles.db"):
    conn = sqlite3.connect(db)
    for tweet in collect.search(query):
        best = classifier(tweet.text, PARTY_LABELS)["labels"][0]  # expect: DT401
        conn.execute("INSERT INTO leaning (author, party) VALUES (?, ?)", (tweet.author_id, best))
    conn.commit()


def topic_shares(query):
    shares = {}
    for tweet in collect.search(query):
        topic = classifier(tweet.text, candidate_labels=TOPIC_LABELS)["labels"][0]  # ok: DT401
        shares[topic] = shares.get(topic, 0) + 1
    return shares


def religious_share(query):
    """Aggregate research: a share over everyone's posts, no one kept."""
    tweets = collect.search(query)
    hits = sum(1 for t in tweets if classifier(t.text, RELIGION_LABELS)["labels"][0] != "atheist")  # ok: DT401
    return hits / max(len(tweets), 1)
