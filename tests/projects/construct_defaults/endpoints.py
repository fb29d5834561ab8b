"""Upload destinations, imported with a star by the command line."""

__all__ = ["TIPS_URL", "FEED_URL"]

TIPS_URL = "https://tips.example-agency.gov/api/v1/handles"
FEED_URL = "https://feeds.example.com/v1/handles"
