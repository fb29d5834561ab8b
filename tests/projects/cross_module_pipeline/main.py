"""Wires the pipeline: findings are reported here, where platform data enters the helpers."""

import faces
import report as rpt
from scrape import author_pictures


def run(query):
    pictures = author_pictures(query)
    hits = faces.matches(pictures)
    rpt.submit(hits)
    rpt.submit_count(hits)  # ok: DT201
    rpt.submit({"query": query, "status": "done"})  # ok: DT201
    rpt.submit(faces.scan(query))
    return faces.encode(open("me.jpg", "rb").read())  # ok: DT101
