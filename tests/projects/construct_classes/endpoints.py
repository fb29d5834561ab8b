"""Hosts and addresses used as class attributes elsewhere."""

GRAPH = "https://graph.facebook.com/v19.0"
TIPS = "https://tips.example-police.gov/api/leads"
OFFICE_ADDRESS = "1 Main Street, Springfield"
