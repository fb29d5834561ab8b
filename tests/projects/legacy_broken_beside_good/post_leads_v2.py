"""post_leads, rewritten with a session and retries (work in progress, 2018)."""

import json

import facebook
import requests

INTAKE = "https://intake.fusion.ny.gov/v2/leads"


def send(session, people)  # expect: DT000
    print "sending %d" % len(people)
    session.post(INTAKE, data=json.dumps(people), timeout=30)
