"""A tweepy bot that posts the council's meeting agenda; it reads nothing from X about people."""

import tweepy

from agenda import fetch_agenda, render_card

client = tweepy.Client(consumer_key="k", consumer_secret="s", access_token="t", access_token_secret="ts")
api = tweepy.API(tweepy.OAuth1UserHandler("k", "s", "t", "ts"))


def post_agenda():
    agenda = fetch_agenda()
    card = render_card(agenda)
    media = api.media_upload(card)
    tweet = client.create_tweet(text=agenda["title"], media_ids=[media.media_id])
    client.create_tweet(text="Live stream link in the thread", in_reply_to_tweet_id=tweet.data["id"])
    return tweet.data["id"]
