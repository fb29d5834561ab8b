"""An OSINT wrapper that shells out to the sherlock, maigret and holehe command-line tools.

Many tools run the enumeration programs as subprocesses rather than importing them. The
usernames and e-mail addresses here come from Telegram group members (telethon) and from the
Graph API, so each run links platform accounts to other identities (DT301), but the pack has no
sink for the command-line tools yet (todo-expect). Checking the operator's own handle the same
way is fine.
"""

import subprocess

import facebook
from telethon.sync import TelegramClient

tg = TelegramClient("osint", api_id=12345, api_hash="not-a-real-hash")
graph = facebook.GraphAPI(access_token="not-a-real-token", version="3.1")
MY_HANDLE = "acme_support"


def group_members(group):
    return [p.username for p in tg.get_participants(group) if p.username]


def sherlock_members(group):
    for username in group_members(group):
        subprocess.run(["sherlock", username, "--timeout", "10", "--print-found"], check=False)  # expect: DT301


def maigret_members(group):
    names = group_members(group)
    return subprocess.check_output(["maigret", *names, "--json", "simple"])  # expect: DT301


def holehe_friend(user_id):
    email = graph.get_object(user_id, fields="email")["email"]
    return subprocess.run(["holehe", "--only-used", email], capture_output=True, text=True).stdout  # expect: DT301


def my_footprint():
    subprocess.run(["sherlock", MY_HANDLE], check=False)  # ok: DT301
    return subprocess.check_output(["maigret", MY_HANDLE, "--json", "simple"])  # ok: DT301
