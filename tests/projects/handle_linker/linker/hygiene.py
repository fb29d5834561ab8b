"""Quiet look-alikes: near-duplicate posts of one subreddit, replies by the original poster,
and a link checker over the project's own pages and accounts."""

import requests
from rapidfuzz import fuzz, process

from linker import reddit_source
from linker.settings import DOCS_URLS, DUPLICATE_THRESHOLD, OUR_HANDLE, SITES


def near_duplicate_posts(subreddit):
    posts = reddit_source.recent_titles(subreddit)
    titles = [title for _, title in posts]
    dupes = []
    for post_id, title in posts:
        others = [t for t in titles if t is not title]
        hit = process.extractOne(title, others, scorer=fuzz.ratio, score_cutoff=DUPLICATE_THRESHOLD)  # ok: DT301
        if hit:
            dupes.append(post_id)
    return dupes


def op_replies(submission_id):
    return [c for c, op in reddit_source.thread_pairs(submission_id) if c == op]  # ok: DT301


def broken_links():
    urls = DOCS_URLS + [template.format(OUR_HANDLE) for template in SITES.values()]
    broken = []
    for url in urls:
        resp = requests.head(url, allow_redirects=True, timeout=10)  # ok: DT301
        if resp.status_code >= 400:
            broken.append(url)
    return broken


def title_similarity(first, second):
    """One pair's score; called below only with two posts of the same subreddit."""
    return fuzz.token_sort_ratio(first.lower(), second.lower())  # ok: DT301


def same_thread_duplicates(subreddit):
    posts = [title for _, title in reddit_source.recent_titles(subreddit)]
    return [(a, b) for a in posts for b in posts if a is not b and title_similarity(a, b) > DUPLICATE_THRESHOLD]


def is_our_account(name):
    return name.lower() == OUR_HANDLE.lower()  # ok: DT301


def our_comments(subreddit):
    return [n for n in reddit_source.active_commenters(subreddit) if is_our_account(n)]
