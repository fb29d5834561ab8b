"""X filtered stream: rules for unrest, and a second keyword pass before alerting Slack."""

import tweepy
from slack_sdk import WebClient

from watch import config


class UnrestStream(tweepy.StreamingClient):
    def __init__(self, bearer_token):
        super().__init__(bearer_token, wait_on_rate_limit=True)
        self.slack = WebClient(token=config.SLACK_TOKEN)

    def on_tweet(self, tweet):
        text = tweet.text.lower()
        if any(term in text for term in config.WATCH_TERMS):  # expect: DT303
            message = f"{tweet.author_id}: {tweet.text} https://x.com/i/status/{tweet.id}"
            self.slack.chat_postMessage(channel=config.SLACK_CHANNEL, text=message)


def install_rules(stream):
    old = stream.get_rules().data or []
    if old:
        stream.delete_rules([rule.id for rule in old])
    rules = [tweepy.StreamRule(value, tag=tag) for value, tag in config.STREAM_RULES]
    stream.add_rules(rules)  # expect: DT303


def backfill(limit=2000):
    client = tweepy.Client(bearer_token=config.BEARER_TOKEN)
    pages = tweepy.Paginator(client.search_recent_tweets, query=config.BACKFILL_QUERY, max_results=100)  # expect: DT303
    return [(t.author_id, t.text) for t in pages.flatten(limit=limit)]


def run():
    stream = UnrestStream(config.BEARER_TOKEN)
    install_rules(stream)
    stream.filter(expansions=["author_id", "geo.place_id"], tweet_fields=["geo", "created_at"])
