"""Partner fulfilment API, retried with the backoff package."""
import logging
import uuid

import backoff
import httpx
import requests

from fulfilment.settings import PARTNER_BASE, PARTNER_KEY

logger = logging.getLogger(__name__)
HEADERS = {"X-Partner-Key": PARTNER_KEY}


def _giveup(exc: requests.RequestException) -> bool:
    response = getattr(exc, "response", None)
    return response is not None and 400 <= response.status_code < 500


@backoff.on_exception(backoff.constant, requests.RequestException, max_tries=5, interval=2, giveup=_giveup)  # expect: retry-without-backoff
def warehouse_stock(sku: str) -> int:
    resp = requests.get(f"{PARTNER_BASE}/stock/{sku}", headers=HEADERS, timeout=5)
    resp.raise_for_status()
    return resp.json()["available"]


@backoff.on_exception(backoff.expo, requests.RequestException, giveup=_giveup)  # expect: unbounded-retry
def create_shipment(order_id: str, lines: list[dict]) -> dict:
    resp = requests.post(  # expect: missing-idempotency-key
        f"{PARTNER_BASE}/shipments",
        json={"order": order_id, "lines": lines},
        headers=HEADERS,
        timeout=15,
    )
    resp.raise_for_status()
    return resp.json()


@backoff.on_predicate(backoff.fibo, lambda resp: resp.status_code == 429, max_time=60)
def shipment_status(shipment_id: str) -> requests.Response:
    return requests.get(f"{PARTNER_BASE}/shipments/{shipment_id}", headers=HEADERS, timeout=5)


@backoff.on_exception(backoff.expo, httpx.HTTPError, max_time=120, jitter=backoff.full_jitter)
def cancel_shipment(shipment_id: str) -> None:
    resp = httpx.post(
        f"{PARTNER_BASE}/shipments/{shipment_id}/cancel",
        headers={**HEADERS, "Idempotency-Key": f"cancel-{shipment_id}"},
        timeout=10,
    )
    resp.raise_for_status()


@backoff.on_exception(backoff.expo, requests.RequestException, max_tries=4)
def book_pickup(warehouse: str, slot: str) -> str:
    key = str(uuid.uuid5(uuid.NAMESPACE_URL, f"{warehouse}/{slot}"))
    resp = requests.post(
        f"{PARTNER_BASE}/pickups",
        json={"warehouse": warehouse, "slot": slot},
        headers={**HEADERS, "Idempotency-Key": key},
        timeout=10,
    )
    resp.raise_for_status()
    return resp.json()["pickup_id"]
