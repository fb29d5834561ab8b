"""Endpoints, kept apart from the code that uses them."""

GRAPH_API = "https://graph.facebook.com/v19.0"
REPORT_URL = "https://watch.example.mil/api/reports"
WATCHLIST_DIR = "watchlist"
