"""Project constants: where the database lives and where reports go."""

DB_PATH = "watchlist.db"
INTAKE_URL = "https://intake.example-agency.gov/api/v2/people"
STATUS_URL = "https://status.example-agency.gov/api/v2/heartbeat"
STAFF_CSV = "staff/roster.csv"
MIRROR_URL = "https://backup.example.org/api/people"
EVIDENCE_TABLE = "evidence"
