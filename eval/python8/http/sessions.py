"""HTTP sessions shared by the catalogue importers."""
import logging

import requests
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

logger = logging.getLogger(__name__)

DEFAULT_TIMEOUT = (3.05, 27)


class TimeoutHTTPAdapter(HTTPAdapter):
    """Gives every request sent through it a timeout unless the caller set one."""

    def __init__(self, *args, timeout=DEFAULT_TIMEOUT, **kwargs):
        self.timeout = timeout
        super().__init__(*args, **kwargs)

    def send(self, request, **kwargs):
        if kwargs.get("timeout") is None:
            kwargs["timeout"] = self.timeout
        return super().send(request, **kwargs)


def catalogue_session(user_agent: str) -> requests.Session:
    session = requests.Session()
    adapter = TimeoutHTTPAdapter(max_retries=Retry(total=4, backoff_factor=0.5, status_forcelist=[502, 503, 504]))
    session.mount("https://", adapter)
    session.mount("http://", adapter)
    session.headers["User-Agent"] = user_agent
    return session


def fetch_catalogue(url: str) -> list[dict]:
    session = catalogue_session("acme-importer/2.1")
    resp = session.get(url)
    resp.raise_for_status()
    return resp.json()["products"]


def fetch_price_sheet(url: str) -> bytes:
    plain = requests.Session()
    plain.headers["Accept"] = "text/csv"
    resp = plain.get(url)  # expect: missing-timeout
    resp.raise_for_status()
    return resp.content


def download_images(urls: list[str], target_dir: str) -> int:
    saved = 0
    with requests.Session() as http:
        for url in urls:
            resp = http.get(url, stream=True, timeout=(3, 60))
            if resp.status_code != 200:
                logger.info("skipping %s: %s", url, resp.status_code)
                continue
            with open(f"{target_dir}/{url.rsplit('/', 1)[-1]}", "wb") as fh:
                for chunk in resp.iter_content(chunk_size=65536):
                    fh.write(chunk)
            saved += 1
    return saved


def head_all(urls: list[str]) -> dict[str, int]:
    statuses = {}
    with requests.Session() as http:
        for url in urls:
            statuses[url] = http.head(url, allow_redirects=True).status_code  # expect: missing-timeout
    return statuses


def supplier_feed(url: str) -> str:
    resp = requests.get(url, timeout=DEFAULT_TIMEOUT)
    return resp.text  # expect: unchecked-response-status
