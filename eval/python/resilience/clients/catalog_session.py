"""Catalog API access through pooled sessions."""
import os

import requests
from requests.adapters import HTTPAdapter

CATALOG_API = os.environ.get("CATALOG_API", "https://catalog.internal.acme.io")
DEFAULT_TIMEOUT = 8


class TimeoutHTTPAdapter(HTTPAdapter):
    """Gives every request on the session a timeout unless the caller sets one."""

    def __init__(self, *args, timeout=DEFAULT_TIMEOUT, **kwargs):
        self.timeout = timeout
        super().__init__(*args, **kwargs)

    def send(self, request, **kwargs):
        if kwargs.get("timeout") is None:
            kwargs["timeout"] = self.timeout
        return super().send(request, **kwargs)


bounded = requests.Session()
bounded.mount("https://", TimeoutHTTPAdapter(timeout=6))
bounded.headers.update({"Accept": "application/json"})


def product(sku: str) -> dict:
    resp = bounded.get(f"{CATALOG_API}/products/{sku}")
    resp.raise_for_status()
    return resp.json()


def variants(sku: str) -> list[dict]:
    resp = bounded.get(f"{CATALOG_API}/products/{sku}/variants", params={"limit": 200})
    resp.raise_for_status()
    return resp.json()["items"]


class PriceFeed:
    """Reads the partner price feed; the session's timeout attribute is ignored by requests."""

    def __init__(self, base_url: str):
        self.base_url = base_url
        self.session = requests.Session()
        self.session.timeout = 10
        self.session.headers["User-Agent"] = "acme-pricefeed/3.1"

    def page(self, cursor: str | None) -> dict:
        resp = self.session.get(f"{self.base_url}/prices", params={"cursor": cursor})  # expect: missing-timeout
        resp.raise_for_status()
        return resp.json()

    def push_overrides(self, overrides: list[dict]) -> None:
        resp = self.session.post(f"{self.base_url}/overrides", json=overrides, timeout=15)
        resp.raise_for_status()

    def replay(self, prepared: requests.PreparedRequest) -> int:
        resp = self.session.send(prepared)  # expect: missing-timeout
        return resp.status_code


def stock_levels(skus: list[str]) -> dict:
    with requests.Session() as s:
        resp = s.request("GET", f"{CATALOG_API}/stock", params={"sku": skus})  # expect: missing-timeout
        resp.raise_for_status()
        return resp.json()
