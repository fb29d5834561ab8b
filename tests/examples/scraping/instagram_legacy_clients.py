"""An old "Instagram toolkit" module: four generations of Instagram clients side by side.

igramscraper scrapes the web app's pages and GraphQL queries (DT501); instagram_private_api and
the instagram_web_api module shipped with it are unofficial API clients (DT502, reported once
for the distribution in this module); instaloader's downloaders are too (DT502). python-instagram
was Instagram's own client for the retired API v1: not scraping.
"""

import instaloader
from igramscraper.instagram import Instagram
from instagram.client import InstagramAPI
from instagram_private_api import Client as MobileClient
from instagram_web_api import Client as WebClient

scraper = Instagram()
mobile = MobileClient("operator", "not-a-real-password")
web = WebClient()
legacy = InstagramAPI(access_token="not-a-real-token")
loader = instaloader.Instaloader(download_videos=False)


def tag_report(tag):
    scraped = scraper.get_medias_by_tag(tag, count=50)  # expect: DT501
    top = scraper.get_current_top_medias_by_tag_name(tag)
    section = mobile.tag_section(tag)  # expect: DT502
    web_feed = web.tag_feed(tag)
    legacy_feed, _next = legacy.tag_recent_media(count=50, tag_name=tag)  # ok: DT501, DT502
    return len(scraped) + len(top) + len(section) + len(web_feed) + len(legacy_feed)


def location_report(location_id):
    scraped = scraper.get_medias_by_location_id(location_id, count=50)
    feed = mobile.feed_location(location_id, mobile.generate_uuid())
    legacy_feed, _next = legacy.location_recent_media(location_id=location_id)  # ok: DT501, DT502
    return len(scraped), len(feed.get("items", [])), len(legacy_feed)


def save_hashtag(tag):
    loader.download_hashtag(tag, max_count=20, profile_pic=False)  # expect: DT502
