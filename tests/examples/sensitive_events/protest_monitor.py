"""A "civil unrest dashboard" that watches X and Reddit for protests, rallies and walkouts.

A platform search whose query names a protest, rally, riot or walkout is itself the monitoring
that X's Developer Agreement XIV.B(c) forbids, so DT303 is reported at the search call, whatever
happens to the results. The query may be a literal, a keyword argument, a module constant, an
f-string or a concatenation. The same client searching for cats, a product launch or a
programming language stays quiet.
"""

import praw
import tweepy

client = tweepy.Client(bearer_token="AAAA-not-a-real-token")
api = tweepy.API(tweepy.OAuth2BearerHandler("AAAA-not-a-real-token"))
reddit = praw.Reddit(client_id="not-a-real-id", client_secret="not-a-real-secret", user_agent="unrest/0.2")
UNREST_QUERY = "(protest OR rally OR riot) -is:retweet has:geo"
PET_QUERY = "(cats OR kittens) has:images -is:retweet"


def alerts_recent():
    resp = client.search_recent_tweets(query=UNREST_QUERY, max_results=100, tweet_fields=["geo", "author_id"])  # expect: DT303
    return [(t.author_id, t.geo) for t in resp.data or []]


def alerts_for_city(city):
    return client.search_recent_tweets(query=f"{city} protest lang:en", max_results=50)  # expect: DT303


def hashtag_archive():
    return client.search_all_tweets("#BlackLivesMatter OR #Occupy", start_time="2020-05-25T00:00:00Z")  # expect: DT303


def v1_search(place):
    return api.search_tweets(q="walkout " + place, result_type="recent", count=100)  # expect: DT303


def reddit_riots():
    return [s.author for s in reddit.subreddit("news+worldnews").search("riot police", sort="new")]  # expect: DT303


def reddit_organising_communities():
    return list(reddit.subreddits.search("rally organizers"))  # expect: DT303


def volume_per_hour():
    return client.get_recent_tweets_count("demonstration -is:retweet", granularity="hour")  # expect: DT303


def cat_pictures():
    return client.search_recent_tweets(query=PET_QUERY, max_results=10)  # ok: DT303


def launch_buzz(product):
    return client.get_recent_tweets_count(f"{product} launch -is:retweet")  # ok: DT303


def python_tips():
    return api.search_tweets(q="#python tips", lang="en")  # ok: DT303


def keyboard_threads():
    return list(reddit.subreddit("MechanicalKeyboards").search("lubing switches", limit=20))  # ok: DT303


def cooking_archive():
    return client.search_all_tweets(query="sourdough starter", max_results=100)  # ok: DT303
