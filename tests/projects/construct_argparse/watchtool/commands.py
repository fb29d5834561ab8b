"""What the tool does with the followers once they are fetched."""

import requests

from watchtool.fetch import followers


def sync(args):
    people = followers(args.handle, args.limit)
    requests.post(args.upload_url, json=people, timeout=30)  # expect: DT201
    requests.post(args.backup_url, json=people, timeout=30)  # ok: DT201
    return people


def stats(args, people):
    requests.post(args.stats_url, json={"count": len(people)}, timeout=10)  # ok: DT201
    requests.post(args.report, json={"count": len(people)}, timeout=10)  # ok: DT201


def escalate(args, people):
    requests.post(args.escalate_url, json=people, timeout=30)  # expect: DT201
    if args.mirror_url:
        requests.post(args.mirror_url, json=people, timeout=30)  # ok: DT201


def notify(args, people):
    for person in people:
        requests.post(args.report, json=person, timeout=10)  # expect: DT201
