"""Keys, sampling points and output paths of the locator."""

import os

BEARER_TOKEN = os.environ.get("X_BEARER", "AAAA-not-a-real-token")
TG_API_ID = 12345
TG_API_HASH = "not-a-real-hash"
GEOCODER_AGENT = "locate/0.3 (research@example.org)"
GMAPS_KEY = os.environ.get("GMAPS_KEY", "not-a-real-key")
OPENCAGE_KEY = os.environ.get("OPENCAGE_KEY", "not-a-real-key")

# Three points around the target area, about 1.5 km apart, for People Nearby.
SAMPLE_POINTS = [(52.5200, 13.4050), (52.5290, 13.4050), (52.5245, 13.4200)]

# The festival's own venue, typed in by the organisers.
VENUE = (52.5074, 13.3733)
VENUE_NAME = "Kulturforum stage"

OUT_DIR = "maps"
