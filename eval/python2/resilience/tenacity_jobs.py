"""Retrying calls to the fulfilment partner (tenacity)."""
import logging
import uuid

import requests
from tenacity import (
    Retrying,
    retry,
    retry_if_exception_type,
    stop_after_attempt,
    stop_after_delay,
    stop_never,
    wait_chain,
    wait_exponential,
    wait_fixed,
    wait_random,
    wait_random_exponential,
)
from tenacity import retry as retrying
from tenacity import wait_fixed as fixed_pause

from fulfil.conf import FULFIL_URL, FULFIL_TIMEOUT

log = logging.getLogger(__name__)
TRANSIENT = (requests.ConnectionError, requests.Timeout)


@retry  # expect: retry-without-backoff, unbounded-retry
def get_warehouse(warehouse_id: str) -> dict:
    resp = requests.get(f"{FULFIL_URL}/warehouses/{warehouse_id}", timeout=FULFIL_TIMEOUT)
    resp.raise_for_status()
    return resp.json()


@retry(
    retry=retry_if_exception_type(TRANSIENT),
    stop=stop_after_attempt(5),
    wait=wait_exponential(multiplier=0.5, max=20),
    reraise=True,
)
def get_shipment(shipment_id: str) -> dict:
    resp = requests.get(f"{FULFIL_URL}/shipments/{shipment_id}", timeout=FULFIL_TIMEOUT)
    resp.raise_for_status()
    return resp.json()


@retry(wait=wait_fixed(2), stop=stop_after_delay(60), reraise=True)  # expect: retry-without-backoff
def get_tracking(shipment_id: str) -> list[dict]:
    resp = requests.get(f"{FULFIL_URL}/shipments/{shipment_id}/tracking", timeout=FULFIL_TIMEOUT)
    resp.raise_for_status()
    return resp.json()["events"]


@retry(stop=stop_never, wait=wait_random_exponential(multiplier=1, max=60))  # expect: unbounded-retry
def wait_for_label(shipment_id: str) -> bytes:
    resp = requests.get(f"{FULFIL_URL}/shipments/{shipment_id}/label", timeout=FULFIL_TIMEOUT)
    resp.raise_for_status()
    return resp.content


@retry(stop=stop_after_attempt(3), wait=wait_random(1, 3))
def cancel_pickup(pickup_id: str) -> None:
    resp = requests.delete(f"{FULFIL_URL}/pickups/{pickup_id}", timeout=FULFIL_TIMEOUT)
    resp.raise_for_status()


@retry(stop=stop_after_attempt(6), wait=wait_chain(wait_fixed(1), wait_fixed(5), wait_fixed(30)))
def list_carriers() -> list[dict]:
    resp = requests.get(f"{FULFIL_URL}/carriers", timeout=FULFIL_TIMEOUT)
    resp.raise_for_status()
    return resp.json()


@retrying(  # expect: retry-without-backoff
    stop=stop_after_attempt(4),
    wait=fixed_pause(3),
)
def create_shipment(order: dict) -> dict:
    resp = requests.post(  # expect: missing-idempotency-key
        f"{FULFIL_URL}/shipments",
        json={"order_ref": order["id"], "lines": order["lines"]},
        timeout=FULFIL_TIMEOUT,
    )
    resp.raise_for_status()
    return resp.json()


@retry(stop=stop_after_attempt(4), wait=wait_exponential(multiplier=1, max=30), reraise=True)
def book_pickup(shipment_id: str, slot: str) -> dict:
    resp = requests.post(
        f"{FULFIL_URL}/pickups",
        json={"shipment": shipment_id, "slot": slot},
        headers={"Idempotency-Key": f"pickup-{shipment_id}-{slot}"},
        timeout=FULFIL_TIMEOUT,
    )
    resp.raise_for_status()
    return resp.json()


def return_request(order_id: str, reason: str) -> dict:
    key = str(uuid.uuid4())
    for attempt in Retrying(stop=stop_after_attempt(3), reraise=True):  # expect: retry-without-backoff
        with attempt:
            resp = requests.post(  # expect: missing-idempotency-key
                f"{FULFIL_URL}/returns",
                json={"order": order_id, "reason": reason, "request_id": key},
                timeout=FULFIL_TIMEOUT,
            )
            resp.raise_for_status()
            return resp.json()
