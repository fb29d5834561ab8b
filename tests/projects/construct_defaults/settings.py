"""Shared constants: where collected data goes and the upload destinations."""

import os

MANIFEST = os.path.join("out", "list.json")
PICS = {"url": "https://tips.example-agency.gov/upload", "folder": "out/pics"}
STAFF = {"url": "https://intranet.example.org/staff", "folder": "staff/photos"}
