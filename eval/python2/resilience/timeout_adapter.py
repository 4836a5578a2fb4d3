"""Sessions for the catalogue sync: one with a default-timeout adapter, one legacy helper."""
from requests import Session
from requests.adapters import HTTPAdapter
from urllib3 import Retry

DEFAULT_TIMEOUT = (3.05, 27)
CATALOG_URL = "https://catalog.shopcore-api.com/v2"


class TimeoutHTTPAdapter(HTTPAdapter):
    """Gives every request sent through a session a timeout unless the caller set one."""

    def __init__(self, *args, timeout=DEFAULT_TIMEOUT, **kwargs):
        self.timeout = timeout
        super().__init__(*args, **kwargs)

    def send(self, request, **kwargs):
        if kwargs.get("timeout") is None:
            kwargs["timeout"] = self.timeout
        return super().send(request, **kwargs)


def fetch_products(category: str) -> list[dict]:
    session = Session()
    retries = Retry(total=3, backoff_factor=0.5, status_forcelist=[429, 500, 502, 503, 504])
    session.mount("https://", TimeoutHTTPAdapter(max_retries=retries))
    resp = session.get(f"{CATALOG_URL}/products", params={"category": category})
    resp.raise_for_status()
    return resp.json()["items"]


def fetch_stock_levels(skus: list[str]) -> dict:
    with Session() as http:
        http.headers.update({"Accept": "application/json"})
        resp = http.post(f"{CATALOG_URL}/stock/query", json={"skus": skus})  # expect: missing-timeout
        if resp.status_code == 404:
            return {}
        resp.raise_for_status()
        return resp.json()
