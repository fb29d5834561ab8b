"""The dashboard job: own mentions -> numbers -> open-data portal; staff photos stay local."""

from faces import staff_encodings
from fetch import CLIENT, my_mentions
from publish import publish
from stats import summarise


def run(my_id):
    publish(summarise(my_mentions(my_id)))  # ok: DT201
    badges = staff_encodings()
    CLIENT.create_tweet(text=f"{len(badges)} staff members are answering your questions today.")
