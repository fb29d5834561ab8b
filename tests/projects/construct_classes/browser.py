"""A Selenium session made in the base class and driven by subclasses."""

from selenium import webdriver
from selenium.webdriver.common.by import By

from faces import FaceIndexMixin


class BrowserSession:
    def __init__(self, headless=True):
        options = webdriver.ChromeOptions()
        if headless:
            options.add_argument("--headless=new")
        self.driver = webdriver.Chrome(options=options)

    def close(self):
        self.driver.quit()


class InstagramAvatars(FaceIndexMixin, BrowserSession):
    def avatar(self, handle):
        self.driver.get(f"https://www.instagram.com/{handle}/")  # expect: DT501
        return self.driver.find_element(By.CSS_SELECTOR, "header img").get_attribute("src")

    def encode_all(self, handles):
        return {handle: self.encode_url(self.avatar(handle)) for handle in handles}


class StatusPage(BrowserSession):
    def incidents(self):
        self.driver.get("https://status.example.org/history")  # ok: DT501
        return [row.text for row in self.driver.find_elements(By.CSS_SELECTOR, ".incident")]


class StaffRoster(FaceIndexMixin):
    def __init__(self, folder):
        self.folder = folder

    def enroll(self, names):
        return self.encode_files([f"{self.folder}/{name}.jpg" for name in names])
