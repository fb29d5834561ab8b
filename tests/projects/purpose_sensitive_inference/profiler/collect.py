"""Where the posts come from: one account's timeline, or a search over everyone's."""

import tweepy

client = tweepy.Client(bearer_token="AAAA-not-a-real-token")


def timeline_text(username):
    user = client.get_user(username=username).data
    tweets = client.get_users_tweets(user.id, max_results=100).data or []
    return " ".join(tweet.text for tweet in tweets)


def search(query, limit=100):
    resp = client.search_recent_tweets(query=query, max_results=limit, expansions=["author_id"])
    return resp.data or []
