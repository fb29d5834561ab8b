"""Table helpers: every INSERT takes its row values as parameters, as in most real stores."""

import sqlite3

from settings import DB_PATH

SCHEMA = (
    "CREATE TABLE IF NOT EXISTS people (name TEXT PRIMARY KEY, pic TEXT)",
    "CREATE TABLE IF NOT EXISTS accounts (handle TEXT, avatar TEXT, karma INTEGER)",
    "CREATE TABLE IF NOT EXISTS posts (author TEXT, media_url TEXT)",
    "CREATE TABLE IF NOT EXISTS options (key TEXT PRIMARY KEY, value TEXT)",
    "CREATE TABLE IF NOT EXISTS staff (name TEXT, photo TEXT)",
    "CREATE TABLE IF NOT EXISTS places (handle TEXT, place TEXT)",
    "CREATE TABLE IF NOT EXISTS offices (city TEXT, address TEXT)",
)


def connect():
    conn = sqlite3.connect(DB_PATH)
    for statement in SCHEMA:
        conn.execute(statement)
    return conn


def save(conn, name, pic):
    conn.execute("INSERT OR REPLACE INTO people (name, pic) VALUES (?, ?)", (name, pic))


def save_account(conn, row):
    conn.execute("INSERT INTO accounts (handle, avatar, karma) VALUES (?, ?, ?)", row)


def store_all(conn, rows):
    """Two levels of helpers: the collector hands rows here, each row goes on to save_account."""
    for row in rows:
        save_account(conn, row)
    conn.commit()


def save_posts(conn, pairs):
    conn.executemany("INSERT INTO posts (author, media_url) VALUES (?, ?)", pairs)
    conn.commit()


def set_option(conn, key, value):
    conn.execute("INSERT OR REPLACE INTO options (key, value) VALUES (?, ?)", (key, value))


def add_staff(conn, name, photo):
    conn.execute("INSERT INTO staff (name, photo) VALUES (?, ?)", (name, photo))


def save_places(conn, handles, places):
    conn.executemany("INSERT INTO places (handle, place) VALUES (?, ?)", zip(handles, places))


def add_office(conn, city, address):
    conn.execute("INSERT INTO offices (city, address) VALUES (?, ?)", (city, address))
