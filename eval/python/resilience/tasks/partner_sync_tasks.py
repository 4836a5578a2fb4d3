"""Celery tasks that keep partner marketplaces in sync with our catalogue."""
import logging
import os

import requests
from celery import Celery, shared_task
from requests.exceptions import ConnectionError, HTTPError, Timeout

logger = logging.getLogger(__name__)

app = Celery("partner_sync", broker=os.environ["CELERY_BROKER_URL"])

MARKETPLACE_API = "https://sellers.marketplace-hub.com/api"
HEADERS = {"X-Seller-Token": os.environ["MARKETPLACE_SELLER_TOKEN"]}


@app.task(autoretry_for=(ConnectionError, Timeout), max_retries=5, default_retry_delay=30)  # expect: retry-without-backoff
def push_listing(listing: dict) -> None:
    resp = requests.put(f"{MARKETPLACE_API}/listings/{listing['sku']}", json=listing, headers=HEADERS, timeout=20)
    resp.raise_for_status()


@app.task(autoretry_for=(ConnectionError, Timeout), retry_backoff=True, retry_backoff_max=600, retry_jitter=True)
def push_price(sku: str, price: str) -> None:
    resp = requests.put(f"{MARKETPLACE_API}/listings/{sku}/price", json={"price": price}, headers=HEADERS, timeout=20)
    resp.raise_for_status()


@app.task(autoretry_for=(HTTPError,), retry_backoff=True, max_retries=None)  # expect: unbounded-retry
def push_stock(sku: str, qty: int) -> None:
    resp = requests.put(f"{MARKETPLACE_API}/listings/{sku}/stock", json={"qty": qty}, headers=HEADERS, timeout=20)
    resp.raise_for_status()


@app.task(bind=True, max_retries=8)
def import_orders(self, since: str) -> int:
    try:
        resp = requests.get(f"{MARKETPLACE_API}/orders", params={"since": since}, headers=HEADERS, timeout=30)
        resp.raise_for_status()
    except (ConnectionError, Timeout, HTTPError) as exc:
        raise self.retry(exc=exc, countdown=60)  # expect: retry-without-backoff
    orders = resp.json()["orders"]
    return len(orders)


@app.task(bind=True, max_retries=8)
def import_returns(self, since: str) -> int:
    try:
        resp = requests.get(f"{MARKETPLACE_API}/returns", params={"since": since}, headers=HEADERS, timeout=30)
        resp.raise_for_status()
    except (ConnectionError, Timeout, HTTPError) as exc:
        raise self.retry(exc=exc, countdown=15 * 2 ** self.request.retries)
    return len(resp.json()["returns"])


@shared_task(autoretry_for=(ConnectionError,), retry_backoff=5, max_retries=4)
def confirm_shipment(order_id: str, tracking_no: str) -> None:
    resp = requests.post(  # expect: missing-idempotency-key
        f"{MARKETPLACE_API}/orders/{order_id}/shipments",
        json={"tracking_no": tracking_no},
        headers=HEADERS,
        timeout=20,
    )
    resp.raise_for_status()


@shared_task(autoretry_for=(ConnectionError,), retry_backoff=True)
def refund_order(order_id: str, amount: str) -> None:
    resp = requests.post(
        f"{MARKETPLACE_API}/orders/{order_id}/refunds",
        json={"amount": amount},
        headers={**HEADERS, "Idempotency-Key": f"refund-{order_id}-{amount}"},
        timeout=20,
    )
    resp.raise_for_status()


@shared_task
def ack_order(order_id: str) -> None:
    resp = requests.post(f"{MARKETPLACE_API}/orders/{order_id}/ack", headers=HEADERS, timeout=20)
    resp.raise_for_status()
