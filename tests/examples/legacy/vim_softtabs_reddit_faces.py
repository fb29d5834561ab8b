# vim: set softtabstop=4 tabstop=8 noexpandtab:
"""Match faces in the pictures of a subreddit against a folder of known people (2017).

Written in vim with ``softtabstop=4 tabstop=8``: every second level of indentation is a tab,
the others spaces, a mix Python 2 ran (a tab reaches the next multiple of 8) and Python 3
rejects. It uses ``print()`` and runs on 2.7 only; devterms reads it with the tabs expanded.
The known people's encodings come from local files; the pictures come from Reddit.
"""
from __future__ import print_function

import io
import os

import face_recognition
import praw
import requests

reddit = praw.Reddit(client_id="not-a-real-id", client_secret="not-a-real-secret",
                     user_agent="face-matcher/0.3 by u/example")


def known_people(folder="known"):
    people = {}
    for name in os.listdir(folder):
	image = face_recognition.load_image_file(os.path.join(folder, name))
	found = face_recognition.face_encodings(image)  # ok: DT101
	if found:
	    people[os.path.splitext(name)[0]] = found[0]
    return people


def scan(subreddit, limit=200):
    people = known_people()
    names = list(people)
    for post in reddit.subreddit(subreddit).new(limit=limit):
	if not post.url.endswith((".jpg", ".jpeg", ".png")):
	    continue
	raw = requests.get(post.url, timeout=20).content
	image = face_recognition.load_image_file(io.BytesIO(raw))
	for encoding in face_recognition.face_encodings(image):  # expect: DT101
	    matches = face_recognition.compare_faces([people[n] for n in names], encoding)  # ok: DT101
	    for name, match in zip(names, matches):
		if match:
		    print("u/%s posted %s: %s" % (post.author, name, post.shortlink))


if __name__ == "__main__":
    scan("pics")
