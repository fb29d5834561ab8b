"""Destinations and folders."""

LEADS_URL = "https://leads.example-agency.gov/api/v3/records"
STAFF_DIR = "staff/photos"
AGENT = "records/0.9"
