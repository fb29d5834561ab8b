"""Command line whose destinations come from argparse defaults and a star import."""

import argparse

import requests

from endpoints import *  # noqa: F401,F403
from legacy import load


def parse(argv=None):
    parser = argparse.ArgumentParser()
    parser.add_argument("--dest", default="https://uploads.example-agency.gov/v2/accounts")
    parser.add_argument("--mirror", default="https://mirror.example.net/v2/accounts")
    return parser.parse_args(argv)


def main(argv=None):
    args = parse(argv)
    handles = [person["username"] for person in load()]
    requests.post(args.dest, json=handles, timeout=30)  # expect: DT201
    requests.post(args.mirror, json=handles, timeout=30)  # ok: DT201
    requests.post(TIPS_URL, json=handles, timeout=30)  # expect: DT201
    requests.post(FEED_URL, json=handles, timeout=30)  # ok: DT201
