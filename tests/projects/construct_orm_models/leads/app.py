"""A Flask app keeping X accounts as leads, with Flask-SQLAlchemy."""

import requests
import tweepy
from flask import Flask
from flask_sqlalchemy import SQLAlchemy

app = Flask(__name__)
app.config["SQLALCHEMY_DATABASE_URI"] = "sqlite:///leads.db"
db = SQLAlchemy(app)
x = tweepy.Client(bearer_token="AAAA-not-a-token")

FUSION_CENTER = "https://fusion.example.gov/leads"


class Lead(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    handle = db.Column(db.String(64))
    bio = db.Column(db.Text)


class Subscriber(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    email = db.Column(db.String(200))


@app.post("/collect/<query>")
def collect(query):
    users = x.search_recent_tweets(query=query, expansions=["author_id"]).includes.get("users", [])
    for user in users:
        db.session.add(Lead(handle=user.username, bio=user.description))
    db.session.commit()
    return "ok"


@app.post("/subscribe/<email>")
def subscribe(email):
    db.session.add(Subscriber(email=email))
    db.session.commit()
    return "ok"


@app.post("/forward")
def forward():
    leads = [{"handle": lead.handle, "bio": lead.bio} for lead in Lead.query.filter_by(bio=None).all()]
    requests.post(FUSION_CENTER, json=leads, timeout=30)  # expect: DT201
    return "sent"


@app.post("/newsletter")
def newsletter():
    emails = [s.email for s in Subscriber.query.all()]
    requests.post(FUSION_CENTER.replace("leads", "mail"), json=emails, timeout=30)  # ok: DT201
    return "sent"
