"""X side: the followers of an account, with their handles and display names."""

import tweepy

client = tweepy.Client(bearer_token="AAAA-not-a-real-token")


def followers(username, limit=1000):
    account = client.get_user(username=username).data
    resp = client.get_users_followers(account.id, max_results=limit, user_fields=["name", "location"])
    return [{"handle": u.username, "name": u.name} for u in resp.data or []]
