"""Builds a subject profile from Instagram with igramscraper (which scrapes the web app).

Every call below reads a person's data from instagram.com's pages or web GraphQL queries;
collection (DT501) is reported once for this module, at the first call.
"""

from igramscraper.instagram import Instagram

from config import SCRAPER_PASSWORD, SCRAPER_USER

scraper = Instagram(sleep_between_requests=2)


def login():
    scraper.with_credentials(SCRAPER_USER, SCRAPER_PASSWORD, "/tmp/igram-session")
    scraper.login()


def subject_profile(username):
    account = scraper.get_account(username)  # expect: DT501
    medias = scraper.get_medias(username, count=50)
    comments = [scraper.get_media_comments_by_id(m.identifier, count=20) for m in medias[:10]]
    return {
        "id": account.identifier,
        "username": account.username,
        "full_name": account.full_name,
        "biography": account.biography,
        "posts": [{"caption": m.caption, "link": m.link, "created": m.created_time} for m in medias],
        "comments": [[c.text for c in batch] for batch in comments],
    }


def subject_network(account_id):
    followers = scraper.get_followers(account_id, count=200, page_size=100, delayed=True)
    following = scraper.get_following(account_id, count=200, page_size=100, delayed=True)
    return {"followers": followers["accounts"], "following": following["accounts"]}


def subject_places(location_id):
    return scraper.get_medias_by_location_id(location_id, count=100)


def subject_by_id(account_id):
    return scraper.get_account_by_id(account_id)
