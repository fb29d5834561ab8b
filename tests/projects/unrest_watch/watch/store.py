"""Sightings kept per account, so that the desk can see who keeps turning up."""

import sqlite3

from watch.config import DB_PATH


class SightingStore:
    def __init__(self, path=DB_PATH):
        self.conn = sqlite3.connect(path)
        self.conn.execute(
            "CREATE TABLE IF NOT EXISTS sightings (platform TEXT, author TEXT, url TEXT, body TEXT)"
        )
