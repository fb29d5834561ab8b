"""Sends subject profiles to an agency intake API; a partner only receives counts."""

import requests

from collector import login, subject_by_id, subject_network, subject_places, subject_profile
from config import AGENCY_INTAKE, AGENCY_TOKEN, PARTNER_DASHBOARD


def _headers():
    return {"Authorization": f"Bearer {AGENCY_TOKEN}"}


def export_subject(username):
    profile = subject_profile(username)
    profile["network"] = subject_network(profile["id"])
    return requests.post(AGENCY_INTAKE, json=profile, headers=_headers(), timeout=30)  # expect: DT201


def export_places(location_id):
    posts = subject_places(location_id)
    rows = [{"owner": p.owner.username, "when": p.created_time} for p in posts]
    return requests.post(AGENCY_INTAKE + "/places", json=rows, headers=_headers(), timeout=30)  # expect: DT201


def report_counts(account_ids):
    total = len([subject_by_id(i) for i in account_ids])
    return requests.post(PARTNER_DASHBOARD, json={"profiles": total}, timeout=30)  # ok: DT201


if __name__ == "__main__":
    login()
    export_subject("someone.example")
