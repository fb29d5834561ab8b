"""Endpoints and credentials of the tip-line exporter (kept apart from the code)."""

AGENCY_INTAKE = "https://intake.fusioncenter.example.gov/api/v2/subjects"
AGENCY_TOKEN = "not-a-real-token"
PARTNER_DASHBOARD = "https://dashboard.example.org/api/summary"
SCRAPER_USER, SCRAPER_PASSWORD = "operator", "not-a-real-password"
