"""Script 1: dumps Facebook page commenters' profiles (facebook-sdk) to profiles.json."""

import json

import facebook

graph = facebook.GraphAPI(access_token="EAAB-not-a-real-token", version="3.1")


def collect(page_id):
    comments = graph.get_all_connections(page_id, "feed", fields="comments{from{id,name,link}}")
    profiles = [c["from"] for post in comments for c in post.get("comments", {}).get("data", [])]
    with open("out/profiles.json", "w") as fh:
        json.dump(profiles, fh, indent=2)
    with open("out/summary.json", "w") as fh:
        json.dump({"profiles": len(profiles)}, fh)


if __name__ == "__main__":
    collect("12345")
