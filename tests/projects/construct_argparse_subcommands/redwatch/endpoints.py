TASK_FORCE_URL = "https://taskforce.example-police.gov/intake"
ARCHIVE_URL = "https://archive.example.org/store"
