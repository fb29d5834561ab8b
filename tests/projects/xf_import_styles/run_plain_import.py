"""`import pkg.mod` and calls through the full dotted name."""

import osint.collectors.twitter
import osint.matching.faces


def run(query):
    pictures = osint.collectors.twitter.author_avatars(query)
    return osint.matching.faces.encode_many(pictures)
