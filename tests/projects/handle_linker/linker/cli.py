"""Command line: link the commenters of a subreddit to X followers and to other sites."""

import argparse
import asyncio
import json

from linker import match, probe


def main(argv=None):
    parser = argparse.ArgumentParser()
    parser.add_argument("subreddit")
    parser.add_argument("x_account")
    args = parser.parse_args(argv)
    linker = match.NameLinker(args.subreddit, args.x_account)
    prober = probe.SiteProber()
    report = {
        "best": linker.best_matches(),
        "display": {f"{r}|{x}": s for (r, x), s in linker.display_name_scores().items()},
        "close": linker.close_handles(),
        "jaro": linker.jaro_pairs(),
        "exact": linker.exact_pairs(),
        "joined": linker.joined_table().to_dict("records"),
        "joined_names": linker.joined_on_display_name().to_dict("records"),
        "pairs": [match.pair_score(n, u) for n in linker.reddit_names for u in linker.x_users],
        "sites": {name: prober.probe(name) for name in linker.reddit_names},
        "sites_by_rule": {name: prober.probe_with_rules(name) for name in linker.reddit_names},
        "twitch": [name for name in linker.reddit_names if probe.on_twitch(name)],
        "instagram": probe.instagram_for_followers(linker.x_users),
    }
    asyncio.run(probe.probe_many(linker.reddit_names))
    print(json.dumps(report, indent=2, default=str))


if __name__ == "__main__":
    main()
