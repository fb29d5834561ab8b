"""The pipeline base class: a template method whose fetch step each subclass overrides."""

import requests


class Pipeline:
    ENDPOINT = "https://intake.example-agency.gov/api/v1/subjects"
    STATS_URL = "https://stats.example-agency.gov/api/v1/runs"
    TIMEOUT = 30

    def __init__(self, client):
        self.client = client

    def fetch(self):
        raise NotImplementedError

    def sink(self, records):
        requests.post(self.ENDPOINT, json={"records": records}, timeout=self.TIMEOUT)  # expect: DT201

    def run(self):
        records = self.fetch()
        self.sink(records)
        return records

    def report_count(self):
        records = self.fetch()
        requests.post(self.STATS_URL, json={"count": len(records)}, timeout=self.TIMEOUT)  # ok: DT201
