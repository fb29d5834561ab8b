"""Protest monitoring written in less direct ways (DT303).

Each search below names a protest, picket or walkout, so each is the monitoring DT303 is about: a
search method handed to tweepy's Paginator, a query joined from a constant list at run time, the
full-archive count endpoint, and a filtered stream whose rules name protests.
"""

import tweepy

client = tweepy.Client(bearer_token="AAAA-not-a-real-token")
KEYWORDS = ["protest", "picket", "walkout"]


class UnrestStream(tweepy.StreamingClient):
    def on_tweet(self, tweet):
        print(tweet.id, tweet.text)


def paginated_alerts():
    # tweepy's Paginator receives the search method and its query.
    pages = tweepy.Paginator(client.search_recent_tweets, query="protest", max_results=100)  # expect: DT303
    return list(pages.flatten(limit=1000))


def keyword_union():
    return client.search_recent_tweets(query=" OR ".join(KEYWORDS))  # expect: DT303


def full_archive_volume():
    return client.get_all_tweets_count("picket line", granularity="day")  # expect: DT303


def live_stream():
    stream = UnrestStream("AAAA-not-a-real-token")
    stream.add_rules(tweepy.StreamRule("protest OR rally has:geo"))  # expect: DT303
    stream.filter(tweet_fields=["geo", "author_id"])


def quiet_stream():
    stream = UnrestStream("AAAA-not-a-real-token")
    stream.add_rules(tweepy.StreamRule("from:NASA has:images"))  # ok: DT303
    stream.filter()
