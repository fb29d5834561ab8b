"""The command line: every destination can be changed, but the defaults are what ships."""

import argparse

AGENCY_INTAKE = "https://intake.example-police.gov/api/v2/subjects"
BACKUP = "https://backup.example.org/v1/store"


def build_parser():
    parser = argparse.ArgumentParser(prog="watchtool", description="Follow accounts and sync them.")
    parser.add_argument("handle", help="account to follow")
    parser.add_argument("-u", "--upload-url", default=AGENCY_INTAKE, help="where profiles go")
    parser.add_argument("--backup", dest="backup_url", default=BACKUP)
    parser.add_argument("--report-to", dest="report", default="https://reports.example-city.gov/in")
    parser.add_argument("--stats-url", default="https://stats.example.com/collect")
    parser.add_argument("--limit", type=int, default=100)
    parser.add_argument("-v", "--verbose", action="store_true")
    delivery = parser.add_argument_group("delivery", "where matches are escalated")
    delivery.add_argument("--escalate-url", default="https://tips.example-sheriff.gov/api/leads")
    mirrors = delivery.add_mutually_exclusive_group()
    mirrors.add_argument("--mirror-url", default="https://mirror.example.net/in")
    mirrors.add_argument("--no-mirror", dest="mirror_url", action="store_const", const="")
    return parser


def parse(argv=None):
    return build_parser().parse_args(argv)
