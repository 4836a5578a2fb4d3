import time

import requests
import urllib3
from bs4 import BeautifulSoup

urllib3.disable_warnings(urllib3.exceptions.InsecureRequestWarning)

START_URLS = [
    "https://shop-a.example.com/deals",
    "https://shop-b.example.com/offers",
]


class Crawler:
    def __init__(self):
        self.session = requests.Session()
        self.session.verify = False  # expect: tls-verification-disabled
        self.session.headers["User-Agent"] = "price-bot/1.0"

    def fetch(self, url):
        delay = 1
        for attempt in range(6):
            try:
                resp = self.session.get(url, timeout=15)
                if resp.status_code == 200:
                    return resp.text
            except requests.RequestException:
                pass
            time.sleep(delay)
            delay *= 2
        return None

    def fetch_robots(self, host):
        r = self.session.get(f"https://{host}/robots.txt")  # expect: missing-timeout
        return r.text  # expect: unchecked-response-status

    def crawl(self):
        for url in START_URLS:
            html = self.fetch(url)
            if html:
                yield BeautifulSoup(html, "html.parser")
