"""Site table and thresholds, kept apart from the code as OSINT tools keep them."""

# Profile URL templates of other sites, keyed by site name; `{}` is the username.
SITES = {
    "instagram": "https://www.instagram.com/{}/",
    "tiktok": "https://www.tiktok.com/@{}",
    "twitch": "https://www.twitch.tv/{}",
    "pinterest": "https://www.pinterest.com/{}/",
    "youtube": "https://www.youtube.com/@{}",
    "tumblr": "https://{}.tumblr.com/",
}
# The same sites with how each says "no such user", as sherlock's data.json spells it.
SITE_RULES = {
    "Instagram": {"url": "https://www.instagram.com/{}/", "errorType": "status_code"},
    "TikTok": {"url": "https://www.tiktok.com/@{}", "errorType": "message", "errorMsg": "Couldn't find this account"},
    "Twitch": {"url": "https://www.twitch.tv/{}", "errorType": "status_code"},
    "Pinterest": {"url": "https://www.pinterest.com/{}/", "errorType": "response_url"},
}
NOT_FOUND_MARKERS = ("Page Not Found", "Sorry, this page isn't available")

MATCH_THRESHOLD = 88
JARO_THRESHOLD = 0.92
DUPLICATE_THRESHOLD = 95

# The project's own pages and accounts, checked by the link checker before each release.
OUR_HANDLE = "handlelinker"
DOCS_URLS = [
    "https://handlelinker.readthedocs.io/en/latest/",
    "https://github.com/handlelinker/handlelinker",
    "https://pypi.org/project/handlelinker/",
]
USER_AGENT = "handlelinker/0.4 (+https://github.com/handlelinker/handlelinker)"
