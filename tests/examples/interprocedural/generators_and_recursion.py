"""Generators (`yield`, `yield from`) and recursion carry platform data like returns do.

`walk_thread` recurses through a Reddit comment tree; `authors` yields from it; `avatars`
yields downloaded icons. `crawl_followers` recurses over X followers to a depth and returns
their pictures. Every sink below sees what those generators and recursive calls produce.
"""

from io import BytesIO

import face_recognition
import praw
import requests
import tweepy

reddit = praw.Reddit(client_id="id", client_secret="secret", user_agent="tree/0.1")
client = tweepy.Client(bearer_token="AAAA-not-a-real-token")
CASE_API = "https://cases.example.gov/api/authors"


def walk_thread(comments):
    for comment in comments:
        yield comment
        yield from walk_thread(comment.replies)


def authors(submission_id):
    submission = reddit.submission(id=submission_id)
    submission.comments.replace_more(limit=None)
    yield from (c.author for c in walk_thread(submission.comments) if c.author)


def avatars(names):
    for name in names:
        yield name, requests.get(reddit.redditor(name).icon_img).content


def crawl_followers(user_id, depth=2, seen=None):
    seen = set() if seen is None else seen
    if depth == 0 or user_id in seen:
        return []
    seen.add(user_id)
    found = []
    for user in client.get_users_followers(user_id, user_fields=["profile_image_url"]).data or []:
        found.append(requests.get(user.profile_image_url).content)
        found.extend(crawl_followers(user.id, depth - 1, seen))
    return found


def encode_stream(pairs):
    for name, raw in pairs:
        yield name, face_recognition.face_encodings(face_recognition.load_image_file(BytesIO(raw)))  # expect: DT101


def main(submission_id, user_id):
    names = [str(a) for a in authors(submission_id)]
    requests.post(CASE_API, json=names, timeout=10)  # expect: DT201
    for name, raw in avatars(names):
        face_recognition.face_encodings(face_recognition.load_image_file(BytesIO(raw)))  # expect: DT101
    for raw in crawl_followers(user_id):
        face_recognition.face_encodings(face_recognition.load_image_file(BytesIO(raw)))  # expect: DT101
    index = dict(encode_stream(avatars(names)))
    requests.post(CASE_API, json={"authors": len(names)}, timeout=10)  # ok: DT201
    return index
