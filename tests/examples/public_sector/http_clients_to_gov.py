"""An X profile sent to government hosts with httpx, a requests.Session and aiohttp.

The profile comes from the X API by URL (module-level constants); every request that carries it
to a .gov, .gov.uk or .mil host is DT201. A request to a host that only has "gov" in its path or
name is not public sector.
"""

import json

import aiohttp
import httpx
import requests

API_BASE = "https://api.twitter.com/2"
HEADERS = {"Authorization": "Bearer AAAA-not-a-real-token"}
INTAKE = "https://intake.fusion.ny.gov/v1"
PREVENT = "https://referrals.prevent.homeoffice.gov.uk/api/cases"
ARMY = "https://osint.army.mil/upload"


def lookup(username):
    resp = httpx.get(f"{API_BASE}/users/by/username/{username}", params={"user.fields": "description,location"}, headers=HEADERS)
    return resp.json()["data"]


def send_httpx(username):
    profile = lookup(username)
    httpx.post(f"{INTAKE}/subjects", json=profile)  # expect: DT201
    httpx.post("https://civic-tips.org/gov/report", json=profile)  # ok: DT201
    httpx.post("https://govtrack.example.com/subjects", json=profile)  # ok: DT201


def send_session(username):
    profile = lookup(username)
    with requests.Session() as session:
        session.put(PREVENT, json={"subject": profile["username"], "bio": profile["description"]})  # expect: DT201


async def send_aiohttp(username):
    async with aiohttp.ClientSession(headers=HEADERS) as session:
        async with session.get(API_BASE + "/users/by/username/" + username) as resp:
            profile = (await resp.json())["data"]
        async with session.post(ARMY, data=json.dumps(profile)) as resp:  # expect: DT201
            resp.raise_for_status()
