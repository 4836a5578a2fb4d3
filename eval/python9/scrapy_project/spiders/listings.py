"""Spider for the classifieds site; the detail API needs a token from the site's login endpoint."""
import json
import logging

import requests
import scrapy

logger = logging.getLogger(__name__)

LOGIN_URL = "https://classifieds.example.com/api/session"


def fetch_session_token(username, password):
    resp = requests.post(LOGIN_URL, json={"username": username, "password": password}, timeout=10)
    resp.raise_for_status()
    return resp.json()["token"]


class ListingsSpider(scrapy.Spider):
    name = "listings"
    allowed_domains = ["classifieds.example.com"]
    start_urls = ["https://classifieds.example.com/search?category=apartments"]
    custom_settings = {"DOWNLOAD_DELAY": 1.0}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.api_token = None

    def start_requests(self):
        self.api_token = fetch_session_token(
            self.settings.get("CLASSIFIEDS_USER"), self.settings.get("CLASSIFIEDS_PASSWORD")
        )
        logger.info("got api token %s", self.api_token)  # expect: secret-in-log
        logger.info("api token length %d", len(self.api_token))
        for url in self.start_urls:
            yield scrapy.Request(url, callback=self.parse)

    def parse(self, response):
        for card in response.css("article.listing"):
            listing_id = card.attrib["data-id"]
            yield scrapy.Request(
                f"https://classifieds.example.com/api/listings/{listing_id}",
                headers={"Authorization": f"Bearer {self.api_token}"},
                callback=self.parse_detail,
            )
        next_page = response.css("a.next::attr(href)").get()
        if next_page:
            yield response.follow(next_page, callback=self.parse)

    def parse_detail(self, response):
        data = json.loads(response.text)
        yield {
            "id": data["id"],
            "title": data["title"],
            "price": data["price"],
            "address": data["address"],
        }
