"""Linking a subreddit's commenters to an X account's followers by name, with the usual
fuzzy-matching libraries, an exact comparison and a table join."""

import difflib

import jellyfish
import pandas as pd
from rapidfuzz import fuzz, process

from linker import reddit_source, x_source
from linker.settings import JARO_THRESHOLD, MATCH_THRESHOLD


def normalise(name):
    return name.lower().replace("_", "").replace("-", "").replace(".", "")


def pair_score(reddit_name, x_user):
    """One candidate pair's score, for callers that already hold both records."""
    return fuzz.WRatio(normalise(reddit_name), normalise(x_user["handle"]))  # expect: DT301


class NameLinker:
    def __init__(self, subreddit, x_account):
        self.reddit_names = reddit_source.active_commenters(subreddit)
        self.x_users = x_source.followers(x_account)
        self.handles = [u["handle"] for u in self.x_users]

    def best_matches(self):
        matches = {}
        for name in self.reddit_names:
            hit = process.extractOne(name, self.handles, scorer=fuzz.WRatio, score_cutoff=MATCH_THRESHOLD)  # expect: DT301
            if hit:
                matches[name] = hit[0]
        return matches

    def display_name_scores(self):
        return {
            (name, user["handle"]): fuzz.token_set_ratio(normalise(name), normalise(user["name"]))  # expect: DT301
            for name in self.reddit_names
            for user in self.x_users
        }

    def close_handles(self):
        return {name: difflib.get_close_matches(name, self.handles, n=3, cutoff=0.8) for name in self.reddit_names}  # expect: DT301

    def jaro_pairs(self):
        pairs = []
        for name in self.reddit_names:
            for handle in self.handles:
                if jellyfish.jaro_winkler_similarity(name.lower(), handle.lower()) >= JARO_THRESHOLD:  # expect: DT301
                    pairs.append((name, handle))
        return pairs

    def exact_pairs(self):
        return [(n, h) for n in self.reddit_names for h in self.handles if normalise(n) == normalise(h)]  # expect: DT301

    def joined_table(self):
        left = pd.DataFrame({"key": [normalise(n) for n in self.reddit_names], "reddit": self.reddit_names})
        right = pd.DataFrame({"key": [normalise(h) for h in self.handles], "x": self.handles})
        return pd.merge(left, right, on="key", how="inner")  # expect: DT301

    def joined_on_display_name(self):
        left = pd.DataFrame({"name": [normalise(n) for n in self.reddit_names], "reddit": self.reddit_names})
        right = pd.DataFrame(self.x_users).assign(name=lambda df: df["name"].map(normalise))
        return left.merge(right, on="name")  # expect: DT301
