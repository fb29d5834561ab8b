"""A Scrapy spider that crawls public X and Instagram profile pages.

Crawling platform web pages is scraping (DT501), but Scrapy is not among the pack's HTTP
clients, so requests it schedules to platform hosts are not recognised yet (todo-expect). A
requests-html session to the same pages is recognised. Crawling the project's own documentation
site is not scraping.
"""

import scrapy
from requests_html import HTMLSession

html = HTMLSession()


class ProfileSpider(scrapy.Spider):
    name = "profiles"

    def start_requests(self):
        for handle in ("nasa", "esa"):
            yield scrapy.Request(f"https://x.com/{handle}", callback=self.parse_x)  # expect: DT501
            yield scrapy.Request(url=f"https://www.instagram.com/{handle}/", callback=self.parse_ig)  # expect: DT501

    def parse_x(self, response):
        yield {"title": response.css("title::text").get()}

    def parse_ig(self, response):
        yield {"description": response.xpath("//meta[@name='description']/@content").get()}


class DocsSpider(scrapy.Spider):
    name = "docs"

    def start_requests(self):
        yield scrapy.Request("https://docs.example.org/", callback=self.parse)  # ok: DT501

    def parse(self, response):
        for href in response.css("a::attr(href)").getall():
            yield response.follow(href, callback=self.parse)


def render_profile(handle):
    page = html.get(f"https://www.instagram.com/{handle}/")
    page.html.render(timeout=20)
    return page.html.find("header", first=True).text


def render_docs():
    return html.get("https://docs.example.org/changelog").html.find("h2")  # ok: DT501
