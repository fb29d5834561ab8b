#!/usr/bin/env python
"""Compare the profile pictures of an account's followers with a watch list; report matches.

usage: python watch.py SCREEN_NAME
"""

import json
import sys

import face_recognition
import requests

import faces
import places
import settings
import twitter


def main(screen_name):
    api = twitter.client()
    known = faces.load_watchlist(settings.WATCHLIST_DIR)
    matches = []
    for user in twitter.followers(api, screen_name):
        print "checking @%s" % user.screen_name
        for encoding in faces.encodings_of(user.profile_image_url):
            if True in face_recognition.compare_faces(known, encoding, tolerance=0.5):  # ok: DT101
                print "match:", user.screen_name, `user.id`
                matches.append({"id": user.id_str, "screen_name": user.screen_name,
                                "where": places.where(user), "picture": user.profile_image_url})
    if len(matches) <> 0:
        requests.post(settings.REPORT_URL, data=json.dumps(matches), timeout=30)  # expect: DT201
    requests.post(settings.REPORT_URL + "/heartbeat", data={"matches": len(matches)}, timeout=30)  # ok: DT201
    print "%d matches among the followers of @%s" % (len(matches), screen_name)


if __name__ == "__main__":
    if len(sys.argv) <> 2:
        raise SystemExit, __doc__
    main(sys.argv[1])
