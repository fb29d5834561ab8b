"""Every folder of the pipeline, anchored on the package so cron can run it from anywhere."""

import os
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent
DATA = PACKAGE.parent / "data"
AVATARS = DATA / "avatars"
STAGING = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "staging")
ASSETS = PACKAGE / "assets"
