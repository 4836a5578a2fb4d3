"""Nightly catalogue pipeline as a Celery canvas: fetch -> transform -> publish."""
import logging

import httpx
import requests
from celery import Celery, chain, chord, group
from celery.exceptions import Reject

from catalogue.config import CDN_PURGE_URL, SUPPLIER_FEEDS, SEARCH_INDEX_URL
from catalogue.transform import normalise

logger = logging.getLogger(__name__)
app = Celery("catalogue", broker="redis://redis:6379/1")
app.conf.task_acks_late = True


@app.task(bind=True, autoretry_for=(requests.RequestException,), retry_backoff=True, max_retries=5)
def fetch_feed(self, supplier: str) -> list[dict]:
    resp = requests.get(SUPPLIER_FEEDS[supplier], timeout=60)
    resp.raise_for_status()
    return resp.json()["items"]


@app.task
def transform(batches: list[list[dict]]) -> list[dict]:
    items = [item for batch in batches for item in batch]
    return [normalise(item) for item in items]


@app.task(autoretry_for=(httpx.HTTPError,), default_retry_delay=30, max_retries=4)  # expect: retry-without-backoff
def publish_index(items: list[dict]) -> int:
    resp = httpx.post(SEARCH_INDEX_URL + "/bulk", json={"items": items}, timeout=120)  # expect: missing-idempotency-key
    resp.raise_for_status()
    return len(items)


@app.task(bind=True, max_retries=None)  # expect: unbounded-retry
def purge_cdn(self, paths: list[str]) -> None:
    try:
        resp = requests.post(CDN_PURGE_URL, json={"paths": paths}, headers={"Idempotency-Key": self.request.id}, timeout=20)
        resp.raise_for_status()
    except requests.RequestException as exc:
        raise self.retry(exc=exc, countdown=60)  # expect: retry-without-backoff


@app.task(bind=True, max_retries=6)
def warm_cache(self, url: str) -> int:
    try:
        resp = requests.get(url, timeout=30)
        resp.raise_for_status()
    except requests.RequestException as exc:
        raise self.retry(exc=exc, countdown=2 ** self.request.retries * 10)
    return len(resp.content)


@app.task(bind=True, acks_late=True)
def validate_item(self, item: dict) -> dict:
    if "sku" not in item:
        raise Reject("item without sku", requeue=False)
    try:
        return normalise(item)
    except ValueError as exc:
        raise Reject(exc, requeue=True)  # expect: poison-message-requeue


def nightly() -> None:
    feeds = group(fetch_feed.s(name) for name in SUPPLIER_FEEDS)
    pipeline = chain(chord(feeds, transform.s()), publish_index.s(), purge_cdn.si(["/catalogue/*"]))
    pipeline.apply_async()
    warm_cache.delay("https://shop.example.com/catalogue")
