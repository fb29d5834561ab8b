"""redwatch collect SUBREDDIT | redwatch share | redwatch stats."""

import argparse

from redwatch.endpoints import ARCHIVE_URL, TASK_FORCE_URL


def build_parser():
    parser = argparse.ArgumentParser(prog="redwatch")
    parser.add_argument("--verbose", action="store_true")
    commands = parser.add_subparsers(dest="command", required=True)

    collect = commands.add_parser("collect", help="fetch a subreddit's commenters")
    collect.add_argument("subreddit")
    collect.add_argument("--limit", type=int, default=200)

    share = commands.add_parser("share", help="send the commenters on")
    share.add_argument("--to", dest="destination", default=TASK_FORCE_URL)
    backup = share.add_argument_group("backup")
    backup.add_argument("--archive-url", default=ARCHIVE_URL)

    stats = commands.add_parser("stats")
    stats.add_argument("--dashboard", default="https://dashboards.example.gov/reddit")
    return parser
