"""The shared database handle."""

import sqlite3

DB_PATH = "osint.db"


def connect():
    return sqlite3.connect(DB_PATH)
