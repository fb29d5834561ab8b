"""A store class whose methods take the row values as parameters; the table name is a constant."""

import sqlite3

from settings import DB_PATH, EVIDENCE_TABLE


class EvidenceStore:
    def __init__(self, path=DB_PATH):
        self.conn = sqlite3.connect(path)
        self.conn.execute(f"CREATE TABLE IF NOT EXISTS {EVIDENCE_TABLE} (handle TEXT, photo TEXT, source TEXT)")

    def add(self, handle, photo, source):
        self.conn.execute(
            f"INSERT INTO {EVIDENCE_TABLE} (handle, photo, source) VALUES (:handle, :photo, :source)",
            {"handle": handle, "photo": photo, "source": source},
        )

    def add_many(self, records):
        self.conn.executemany(
            f"INSERT INTO {EVIDENCE_TABLE} (handle, photo, source) VALUES (:handle, :photo, :source)", records
        )
        self.conn.commit()

    def photos(self):
        return [row[0] for row in self.conn.execute(f"SELECT photo FROM {EVIDENCE_TABLE}")]
