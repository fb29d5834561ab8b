"""Send the profiles of people who commented on a page to a state fusion center (Python 2.7).

This one runs; its neighbour ``post_leads_v2.py`` is a rewrite that was never finished and
parses neither as Python 3 nor as Python 2. The broken file gets one DT000 and this file's
flow is reported all the same.
"""

import json

import facebook
import requests

INTAKE = "https://intake.fusion.ny.gov/v1/leads"


def commenters(graph, post_id):
    comments = graph.get_connections(post_id, "comments", fields="from{id,name,link}")
    return [c["from"] for c in comments["data"]]


def main(post_id):
    graph = facebook.GraphAPI(access_token="not-a-real-token", version="2.7")
    people = commenters(graph, post_id)
    print "%d commenters" % len(people)
    requests.post(INTAKE, data=json.dumps(people), timeout=30)  # expect: DT201
