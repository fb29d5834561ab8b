"""Keys of the station's own account and where its files go (Python 2.7, tweepy 3.x)."""

CONSUMER_KEY = "not-a-real-key"
CONSUMER_SECRET = "not-a-real-secret"
ACCESS_TOKEN = "not-a-real-token"
ACCESS_SECRET = "not-a-real-token-secret"

STATION = "KNYC-01"
ARCHIVE_DIR = "archive"
ARCHIVE_MODE = 0700
UPLOAD_URL = "https://sensors.epa.gov/api/upload"
