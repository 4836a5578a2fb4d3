"""Sessions for the partner APIs, with pooled connections and retries."""
import requests
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry


class TimeoutHTTPAdapter(HTTPAdapter):
    def __init__(self, *args, timeout=10, **kwargs):
        self.timeout = timeout
        super().__init__(*args, **kwargs)

    def send(self, request, **kwargs):
        if kwargs.get("timeout") is None:
            kwargs["timeout"] = self.timeout
        return super().send(request, **kwargs)


def catalog_session() -> requests.Session:
    session = requests.Session()
    retry = Retry(total=4, backoff_factor=0.5, status_forcelist=(502, 503, 504))
    session.mount("https://", TimeoutHTTPAdapter(max_retries=retry, timeout=8))
    return session


def list_products(page: int) -> list:
    session = catalog_session()
    resp = session.get("https://catalog.partner-api.com/products", params={"page": page})
    resp.raise_for_status()
    return resp.json()["items"]


def pricing_session() -> requests.Session:
    session = requests.Session()
    session.mount("https://", HTTPAdapter(max_retries=Retry(total=3, status_forcelist=(500, 503))))  # expect: retry-without-backoff
    session.headers["Accept"] = "application/json"
    return session


pricing = requests.Session()
pricing.mount("https://", HTTPAdapter(max_retries=5))  # expect: retry-without-backoff
pricing.timeout = 15


def price_of(sku: str) -> float:
    resp = pricing.get(f"https://pricing.partner-api.com/skus/{sku}")  # expect: missing-timeout
    resp.raise_for_status()
    return resp.json()["price"]


def bulk_prices(skus: list) -> dict:
    resp = pricing.post("https://pricing.partner-api.com/bulk", json={"skus": skus}, timeout=30)
    return resp.json()  # expect: unchecked-response-status


def stock_session() -> requests.Session:
    session = requests.Session()
    session.mount("https://", HTTPAdapter(max_retries=Retry(total=None, read=None, connect=None, backoff_factor=1)))  # expect: unbounded-retry
    return session
