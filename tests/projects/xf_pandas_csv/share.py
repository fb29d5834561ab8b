"""Reads the exports back and shares them with a city police department."""

import pandas as pd
import requests

CITY_PD = "https://data.citypd.example.gov/api/upload"


def share_tweets():
    df = pd.read_csv("exports/tweets.csv")
    requests.post(CITY_PD, json=df.to_dict(orient="records"), timeout=10)  # expect: DT201


def share_volume_only():
    df = pd.read_csv("exports/volume.csv")
    requests.post(CITY_PD, json={"total": int(df["n"].sum())}, timeout=10)  # ok: DT201


def share_district_map():
    df = pd.read_csv("static/districts.csv")
    requests.post(CITY_PD, json=df.to_dict(orient="records"), timeout=10)  # ok: DT201
