"""Search and recommendations calls with the backoff library."""
import logging

import backoff
import httpx
import requests

logger = logging.getLogger(__name__)
SEARCH_API = "https://search.example.com/api"
RECS_API = "https://recs.example.com/api"

search = httpx.Client(base_url=SEARCH_API, timeout=httpx.Timeout(5.0, connect=2.0))


@backoff.on_exception(backoff.constant, httpx.TransportError, interval=3, max_tries=5)  # expect: retry-without-backoff
def search_products(query: str) -> list:
    resp = search.get("/products", params={"q": query})
    resp.raise_for_status()
    return resp.json()["hits"]


@backoff.on_exception(backoff.expo, requests.RequestException)  # expect: unbounded-retry
def recommendations(user_id: int) -> list:
    resp = requests.get(f"{RECS_API}/users/{user_id}", timeout=3)
    resp.raise_for_status()
    return resp.json()


@backoff.on_exception(backoff.expo, requests.RequestException, max_time=30)
def similar_items(item_id: int) -> list:
    resp = requests.get(f"{RECS_API}/items/{item_id}/similar", timeout=3)
    resp.raise_for_status()
    return resp.json()


@backoff.on_exception(backoff.fibo, requests.RequestException, max_tries=6)
def record_feedback(user_id: int, item_id: int, score: int) -> None:
    resp = requests.post(f"{RECS_API}/feedback", json={"user": user_id, "item": item_id, "score": score}, timeout=3)  # expect: missing-idempotency-key
    resp.raise_for_status()


@backoff.on_predicate(backoff.constant, lambda r: r.status_code == 429, interval=1, max_tries=10)  # expect: retry-without-backoff
def reindex_status(job_id: str) -> httpx.Response:
    return search.get(f"/reindex/{job_id}")
