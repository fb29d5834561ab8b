"""Command line: the user types a place and a language; the account's fields come from X."""

import argparse

from dictconf import build, geocode_all, geocode_home, geocode_near
from locate import Locator, centre_of, place_of, session_place
from options import Options, Session
from report import file_search, file_subject
from resolve import bind, fill_from_account
from search import Search
from summary import file_summary, geocode_area


def parse():
    parser = argparse.ArgumentParser()
    parser.add_argument("handle")
    parser.add_argument("--near", default="Berlin")
    parser.add_argument("--lang", default="de")
    return parser.parse_args()


def main():
    args = parse()
    config = Options()
    config.Near = args.near
    config.Lang = args.lang
    fill_from_account(config, args.handle)
    locator = Locator(config)
    locator.home()
    locator.search_centre()
    place_of(config)
    centre_of(config)
    file_subject(config)
    file_search(config)
    file_summary(config)
    geocode_area(config)
    session = bind(Session(args.near, args.lang), args.handle)
    session_place(session)


def run_search(query, near):
    config = Options()
    config.Near = near
    search = Search(config)
    search.resolve(query)
    search.author_home()
    search.file()
    conf = build(query, near)
    geocode_home(conf)
    geocode_near(conf)
    geocode_all(conf)
