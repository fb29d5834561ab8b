"""Step 3: send the matches to a government tip line. Run: python report.py "#topic"."""

import sys

import requests

from faces import find_matches

TIP_LINE = "https://tips.example-agency.gov/api/v1/leads"


def main(query):
    matches = find_matches(query)
    if matches:
        requests.post(TIP_LINE, json={"query": query, "matches": matches}, timeout=10)
    print(f"{len(matches)} matches reported")


if __name__ == "__main__":
    main(sys.argv[1])
