"""One SQLAlchemy engine for the project, and the helpers that write rows through it."""

from sqlalchemy import create_engine, text

from config import PROFILES_TABLE, WAREHOUSE_URL

engine = create_engine(WAREHOUSE_URL)

INSERT_PROFILE = text(
    f"INSERT INTO {PROFILES_TABLE} (handle, avatar_url, bio) VALUES (:handle, :avatar_url, :bio)"
)


def save_profiles(conn, rows):
    conn.execute(INSERT_PROFILE, rows)


def save_frame(frame, table):
    frame.to_sql(table, engine, if_exists="append", index=False)
