"""Every endpoint of the tool in one module; the other modules import these constants."""

GRAPH_API = "https://graph.facebook.com/v19.0"
X_API = "https://api.x.com/2"
STATE_POLICE = "https://lpr.statepolice.example.gov/api/subjects"
DHS_TIPS = "https://tips.example.dhs.gov/submit"
ARCHIVE = "https://archive.example.org/api/store"
