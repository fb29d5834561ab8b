"""Destinations."""

CASE_URL = "https://cases.example-police.gov/api/subjects"
AGENT = "field-tool/1.2"
