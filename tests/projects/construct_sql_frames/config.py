"""Where the warehouse lives and where results go."""

import os

WAREHOUSE_URL = os.environ.get("WAREHOUSE_URL", "postgresql://analyst@localhost/warehouse")
MENTIONS_TABLE = "mentions"
PROFILES_TABLE = "profiles"
REFERRAL_URL = "https://referrals.example-police.gov.uk/api/v1/subjects"
PARTNER_URL = "https://dashboards.example.org/api/v1/daily"
