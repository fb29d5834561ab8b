"""A friendly bot: posts a daily message and reads only how many times it was mentioned.

Nothing it reads from X leaves the process except as a number in its own tweet, and it runs no
face code at all. devterms reports nothing here.
"""

import datetime

import tweepy

client = tweepy.Client(
    bearer_token="AAAA-not-a-real-token",
    consumer_key="not-a-real-key",
    consumer_secret="not-a-real-secret",
    access_token="not-a-real-token",
    access_token_secret="not-a-real-token-secret",
)


def mentions_today(my_id):
    since = datetime.datetime.now(datetime.timezone.utc).replace(hour=0, minute=0, second=0, microsecond=0)
    resp = client.get_users_mentions(my_id, start_time=since, max_results=100)
    return resp.meta.get("result_count", 0)


def post_daily(my_id):
    count = mentions_today(my_id)
    client.create_tweet(text=f"Good morning! Thanks for the {count} mentions yesterday.")


if __name__ == "__main__":
    post_daily(client.get_me().data.id)
