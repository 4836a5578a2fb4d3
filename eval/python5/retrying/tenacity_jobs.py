"""Partner calls wrapped in tenacity policies."""
from __future__ import annotations

import logging
import uuid

import httpx
import requests
from tenacity import (
    AsyncRetrying,
    Retrying,
    retry,
    retry_if_exception_type,
    stop_after_attempt,
    stop_after_delay,
    stop_never,
    wait_exponential,
    wait_fixed,
    wait_random_exponential,
)

log = logging.getLogger(__name__)
API = "https://api.fulfilment-partner.com"


@retry(  # expect: retry-without-backoff
    stop=stop_after_attempt(5),
    wait=wait_fixed(2),
    retry=retry_if_exception_type(httpx.TransportError),
)
def fetch_inventory(sku: str) -> dict:
    resp = httpx.get(f"{API}/inventory/{sku}", timeout=10)
    resp.raise_for_status()
    return resp.json()


@retry(wait=wait_exponential(multiplier=1, max=30))  # expect: unbounded-retry
def fetch_order(order_id: str) -> dict:
    resp = requests.get(f"{API}/orders/{order_id}", timeout=10)
    resp.raise_for_status()
    return resp.json()


@retry(stop=stop_after_delay(60), wait=wait_random_exponential(multiplier=0.5, max=20), reraise=True)
def create_shipment(order: dict) -> dict:
    resp = requests.post(
        f"{API}/shipments",
        json=order,
        headers={"Idempotency-Key": f"ship-{order['id']}"},
        timeout=15,
    )
    resp.raise_for_status()
    return resp.json()


@retry(stop=stop_after_attempt(3), wait=wait_exponential(multiplier=0.5))
def cancel_shipment(shipment_id: str) -> None:
    resp = requests.post(f"{API}/shipments/{shipment_id}/cancel", timeout=10)  # expect: missing-idempotency-key
    resp.raise_for_status()


@retry(reraise=True)  # expect: retry-without-backoff, unbounded-retry
def ping_partner() -> bool:
    return requests.head(f"{API}/health", timeout=3).ok


@retry(stop=stop_never, wait=wait_exponential(max=60))  # expect: unbounded-retry
def register_callback_url(url: str) -> None:
    requests.put(f"{API}/callbacks", json={"url": url}, timeout=10).raise_for_status()


def sync_returns(batch: list[dict]) -> None:
    for attempt in Retrying(stop=stop_after_attempt(4)):  # expect: retry-without-backoff
        with attempt:
            resp = requests.put(f"{API}/returns", json=batch, timeout=20)
            resp.raise_for_status()


async def async_label(shipment_id: str) -> bytes:
    async for attempt in AsyncRetrying(stop=stop_after_attempt(4), wait=wait_exponential(min=1, max=10)):
        with attempt:
            async with httpx.AsyncClient(timeout=20) as client:
                resp = await client.get(f"{API}/shipments/{shipment_id}/label")
                resp.raise_for_status()
                return resp.content
    raise RuntimeError("unreachable")


async def async_manifest(day: str) -> None:
    async for attempt in AsyncRetrying(stop=stop_after_attempt(3), wait=wait_exponential(min=1, max=10)):
        with attempt:
            async with httpx.AsyncClient(timeout=20) as client:
                resp = await client.post(  # expect: missing-idempotency-key
                    f"{API}/manifests", json={"day": day}
                )
                resp.raise_for_status()


async def async_manifest_keyed(day: str) -> None:
    key = str(uuid.uuid5(uuid.NAMESPACE_URL, f"manifest-{day}"))
    async for attempt in AsyncRetrying(stop=stop_after_attempt(3), wait=wait_exponential(min=1, max=10)):
        with attempt:
            async with httpx.AsyncClient(timeout=20, headers={"Idempotency-Key": key}) as client:
                resp = await client.post(f"{API}/manifests", json={"day": day})
                resp.raise_for_status()
