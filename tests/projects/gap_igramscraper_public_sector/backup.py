"""Keeps a JSON copy of the studio's own public profile; nothing leaves the machine."""

import json
from pathlib import Path

from igramscraper.instagram import Instagram

OWN_ACCOUNT = "our_studio"
BACKUP = Path("backup") / "profile.json"


def backup_own_profile():
    account = Instagram().get_account(OWN_ACCOUNT)  # expect: DT501
    BACKUP.parent.mkdir(exist_ok=True)
    BACKUP.write_text(json.dumps({"followers": account.followed_by_count, "bio": account.biography}))
