"""Destinations and agent names."""

CASE_URL = "https://cases.example-agency.gov/api/v1/intake"
AGENT = "casework/3.1"
HEADQUARTERS = "200 Constitution Ave NW, Washington, DC"
