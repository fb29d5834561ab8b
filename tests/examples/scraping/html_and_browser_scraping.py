"""Profile scrapers that fetch platform web pages directly instead of calling the API.

Downloading instagram.com, x.com, tiktok.com or linkedin.com pages with requests and parsing them
with BeautifulSoup is HTML scraping (DT501 at the request). Driving a browser to a platform page
with selenium or playwright is too (DT501 at the navigation). The official API hosts
(api.twitter.com, oauth.reddit.com) are not scraping, and neither is fetching the project's own
site or a news page.
"""

import requests
from bs4 import BeautifulSoup
from playwright.sync_api import sync_playwright
from selenium import webdriver
from selenium.webdriver.common.by import By

HEADERS = {"User-Agent": "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/124.0 Safari/537.36"}
session = requests.Session()
session.headers.update(HEADERS)


def instagram_bio(username):
    resp = requests.get(f"https://www.instagram.com/{username}/", headers=HEADERS, timeout=10)  # expect: DT501
    soup = BeautifulSoup(resp.text, "html.parser")
    meta = soup.find("meta", attrs={"name": "description"})
    return meta["content"] if meta else None


def x_profile_page(username):
    html = session.get("https://x.com/" + username, timeout=10).text  # expect: DT501
    return BeautifulSoup(html, "lxml").title.string


def tiktok_video_page(handle, video_id):
    resp = requests.get(f"https://www.tiktok.com/@{handle}/video/{video_id}", timeout=10)  # expect: DT501
    return BeautifulSoup(resp.text, "html.parser").find("script", id="__UNIVERSAL_DATA_FOR_REHYDRATION__")


def linkedin_with_selenium(profile_slug):
    driver = webdriver.Chrome()
    try:
        driver.get(f"https://www.linkedin.com/in/{profile_slug}/")  # expect: DT501
        name = driver.find_element(By.CSS_SELECTOR, "h1").text
        headline = driver.find_element(By.CSS_SELECTOR, ".text-body-medium").text
        return name, headline
    finally:
        driver.quit()


def facebook_page_with_playwright(page_name):
    with sync_playwright() as p:
        browser = p.chromium.launch(headless=True)
        page = browser.new_page()
        page.goto(f"https://www.facebook.com/{page_name}")  # expect: DT501
        posts = page.locator("div[role=article]").all_inner_texts()
        browser.close()
        return posts


def official_x_api(username, bearer):
    resp = requests.get(  # ok: DT501
        f"https://api.twitter.com/2/users/by/username/{username}",
        headers={"Authorization": f"Bearer {bearer}"},
        timeout=10,
    )
    return resp.json()


def official_reddit_api(token):
    return requests.get("https://oauth.reddit.com/api/v1/me", headers={"Authorization": f"bearer {token}"}).json()  # ok: DT501


def our_changelog():
    soup = BeautifulSoup(requests.get("https://example.org/changelog", timeout=10).text, "html.parser")  # ok: DT501
    return [h.text for h in soup.select("h2")]


def news_headlines_with_selenium():
    driver = webdriver.Firefox()
    driver.get("https://news.ycombinator.com/")  # ok: DT501
    titles = [a.text for a in driver.find_elements(By.CSS_SELECTOR, ".titleline > a")]
    driver.quit()
    return titles


def local_app_screenshot():
    with sync_playwright() as p:
        page = p.chromium.launch().new_page()
        page.goto("http://localhost:8000/dashboard")  # ok: DT501
        page.screenshot(path="dashboard.png")
