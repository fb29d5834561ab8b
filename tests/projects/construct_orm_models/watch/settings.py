DATABASE_URL = "sqlite:///watch.db"
INTAKE_URL = "https://intake.police.example.gov/api/leads"
STATS_URL = "https://stats.example.gov/api/weekly"
