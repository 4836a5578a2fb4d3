"""Session factories for the storefront's outbound HTTP."""
import os

import requests
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

SEARCH_API = os.environ.get("SEARCH_API", "https://search.acme-shop.com")
REVIEWS_API = "https://reviews.trustbox.io/v1"
ORDERS_API = "https://orders.acme-shop.com/v1"


def search_session() -> requests.Session:
    s = requests.Session()
    s.mount("https://", HTTPAdapter(max_retries=3))  # expect: retry-without-backoff
    return s


def reviews_session() -> requests.Session:
    retry = Retry(total=5, backoff_factor=0.4, status_forcelist=(429, 500, 502, 503, 504))
    s = requests.Session()
    s.mount("https://", HTTPAdapter(max_retries=retry, pool_maxsize=20))
    return s


def feed_session() -> requests.Session:
    retry = Retry(total=None, connect=None, read=None, backoff_factor=1.5)  # expect: unbounded-retry
    s = requests.Session()
    s.mount("https://", HTTPAdapter(max_retries=retry))
    return s


def recommendations_session() -> requests.Session:
    # total=None, but connect and read errors are each capped.
    retry = Retry(total=None, connect=3, read=2, backoff_factor=0.5)
    s = requests.Session()
    s.mount("https://", HTTPAdapter(max_retries=retry))
    return s


def flaky_session() -> requests.Session:
    s = requests.Session()
    s.mount("https://", HTTPAdapter(max_retries=Retry(total=2, backoff_factor=0)))  # expect: retry-without-backoff
    s.mount("http://", HTTPAdapter(max_retries=0))
    return s


search = search_session()
reviews = reviews_session()

orders = requests.Session()
orders.mount(
    "https://",
    HTTPAdapter(max_retries=Retry(total=4, backoff_factor=0.5, allowed_methods=frozenset({"GET", "POST"}))),
)


def search_products(q: str) -> list[dict]:
    resp = search.get(f"{SEARCH_API}/products", params={"q": q}, timeout=3)
    resp.raise_for_status()
    return resp.json()["hits"]


def submit_review(sku: str, review: dict) -> None:
    # reviews' Retry keeps urllib3's default methods, which leave POST out.
    resp = reviews.post(f"{REVIEWS_API}/products/{sku}/reviews", json=review, timeout=5)
    resp.raise_for_status()


def place_order(cart: dict) -> dict:
    resp = orders.post(f"{ORDERS_API}/orders", json=cart, timeout=10)  # expect: missing-idempotency-key
    resp.raise_for_status()
    return resp.json()


def place_order_safely(cart: dict) -> dict:
    resp = orders.post(f"{ORDERS_API}/orders", json=cart, headers={"Idempotency-Key": cart["cart_id"]}, timeout=10)
    resp.raise_for_status()
    return resp.json()
