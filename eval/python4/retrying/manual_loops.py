"""Hand-written retry loops in the fulfilment client."""
import logging
import random
import time

import requests

logger = logging.getLogger(__name__)
FULFILMENT_API = "https://fulfilment.example.com/api"
session = requests.Session()


def reserve_stock(sku: str, qty: int, request_id: str) -> dict:
    for attempt in range(5):  # expect: retry-without-backoff
        try:
            resp = session.post(
                f"{FULFILMENT_API}/reservations",
                json={"sku": sku, "qty": qty},
                headers={"Idempotency-Key": request_id},
                timeout=10,
            )
            resp.raise_for_status()
            return resp.json()
        except requests.RequestException as exc:
            logger.warning("reservation attempt %d failed: %s", attempt, exc)
            time.sleep(1.5)
    raise RuntimeError("reservation failed")


def release_stock(reservation_id: str) -> None:
    delay = 0.5
    for attempt in range(6):
        try:
            resp = session.delete(f"{FULFILMENT_API}/reservations/{reservation_id}", timeout=10)
            resp.raise_for_status()
            return
        except requests.RequestException:
            time.sleep(delay + random.random() * 0.1)
            delay *= 2
    raise RuntimeError("release failed")


def create_shipment(order: dict) -> dict:
    attempt = 0
    while True:  # expect: unbounded-retry
        try:
            resp = session.post(f"{FULFILMENT_API}/shipments", json=order, timeout=10)  # expect: missing-idempotency-key
            resp.raise_for_status()
            return resp.json()
        except requests.RequestException:
            attempt += 1
            time.sleep(min(30, 2 ** attempt))


def confirm_shipment(shipment_id: str) -> dict:
    attempt = 0
    while True:
        resp = session.post(f"{FULFILMENT_API}/shipments/{shipment_id}/confirm", headers={"Idempotency-Key": shipment_id}, timeout=10)
        if resp.status_code < 500:
            resp.raise_for_status()
            return resp.json()
        attempt += 1
        if attempt >= 4:
            raise RuntimeError(f"confirm failed with {resp.status_code}")
        time.sleep(2 ** attempt)


def wait_for_dispatch(shipment_id: str) -> dict:
    for _ in range(30):
        resp = session.get(f"{FULFILMENT_API}/shipments/{shipment_id}", timeout=10)
        resp.raise_for_status()
        shipment = resp.json()
        if shipment["state"] == "dispatched":
            return shipment
        time.sleep(10)
    raise TimeoutError(shipment_id)


def ping_carrier(url: str) -> bool:
    for attempt in range(3):  # expect: retry-without-backoff
        resp = session.get(url, timeout=3)
        if resp.status_code == 503:
            continue
        return resp.ok
    return False
