"""Probing other sites for a username found on Reddit, the way sherlock-style scripts do."""

import asyncio

import httpx
import requests

from linker.settings import NOT_FOUND_MARKERS, SITE_RULES, SITES, USER_AGENT


class SiteProber:
    def __init__(self, timeout=8):
        self.session = requests.Session()
        self.session.headers["User-Agent"] = USER_AGENT
        self.timeout = timeout

    def _exists(self, resp):
        return resp.status_code == 200 and not any(m in resp.text for m in NOT_FOUND_MARKERS)

    def probe(self, username):
        found = {}
        for site, template in SITES.items():
            resp = self.session.get(template.format(username), timeout=self.timeout)  # expect: DT301
            if self._exists(resp):
                found[site] = resp.url
        return found

    def probe_with_rules(self, username):
        found = []
        for site, rule in SITE_RULES.items():
            url = rule["url"].format(username)
            resp = self.session.get(url, timeout=self.timeout, allow_redirects=False)  # todo-expect: DT301
            if rule["errorType"] == "message" and rule["errorMsg"] in resp.text:
                continue
            if resp.status_code == 200 and (rule["errorType"] != "response_url" or resp.url == url):
                found.append(site)
        return found


async def probe_many(usernames):
    async with httpx.AsyncClient(follow_redirects=True) as http:
        tasks = [http.get(SITES[site].format(name)) for name in usernames for site in SITES]  # expect: DT301
        return await asyncio.gather(*tasks, return_exceptions=True)


def on_twitch(username):
    resp = httpx.head(f"https://www.twitch.tv/{username}", timeout=5)  # expect: DT301, DT501
    return resp.status_code == 200


def instagram_for_followers(x_users):
    """X followers whose handle is also taken on Instagram."""
    session = requests.Session()
    found = []
    for user in x_users:
        resp = session.get(f"https://www.instagram.com/{user['handle']}/", timeout=8)  # expect: DT301, DT501
        if resp.status_code == 200:
            found.append(user["handle"])
    return found
