"""Where the worker queue lives and where reports go."""

REDIS_URL = "redis://localhost:6379/0"
INTAKE_URL = "https://intake.example-agency.gov/api/v2/subjects"
METRICS_URL = "https://metrics.example.com/push"
