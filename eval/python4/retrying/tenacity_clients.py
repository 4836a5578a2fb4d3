"""Partner API calls wrapped in tenacity retries."""
import logging

import httpx
import requests
from tenacity import (
    AsyncRetrying,
    Retrying,
    retry,
    retry_if_exception_type,
    stop_after_attempt,
    stop_after_delay,
    wait_exponential,
    wait_fixed,
    wait_random_exponential,
)

logger = logging.getLogger(__name__)
RATES_API = "https://rates.fx-provider.com/v1"
SHIPPING_API = "https://api.shipping-partner.com"


@retry(stop=stop_after_attempt(5), wait=wait_fixed(2), retry=retry_if_exception_type(requests.RequestException))  # expect: retry-without-backoff
def fetch_rates(base: str) -> dict:
    resp = requests.get(f"{RATES_API}/latest", params={"base": base}, timeout=5)
    resp.raise_for_status()
    return resp.json()


@retry(wait=wait_exponential(multiplier=0.5, max=30), retry=retry_if_exception_type(requests.RequestException))  # expect: unbounded-retry
def fetch_rate_history(base: str, day: str) -> dict:
    resp = requests.get(f"{RATES_API}/{day}", params={"base": base}, timeout=5)
    resp.raise_for_status()
    return resp.json()


@retry(stop=stop_after_attempt(4), wait=wait_random_exponential(multiplier=1, max=20))
def book_shipment(order: dict) -> str:
    resp = requests.post(f"{SHIPPING_API}/shipments", json=order, timeout=10)  # expect: missing-idempotency-key
    resp.raise_for_status()
    return resp.json()["tracking_number"]


@retry(stop=stop_after_delay(60), wait=wait_exponential(max=10))
def cancel_shipment(tracking_number: str, request_id: str) -> None:
    resp = requests.post(
        f"{SHIPPING_API}/shipments/{tracking_number}/cancel",
        headers={"Idempotency-Key": request_id},
        timeout=10,
    )
    resp.raise_for_status()


@retry(stop=stop_after_attempt(3))  # expect: retry-without-backoff
def shipment_label(tracking_number: str) -> bytes:
    resp = requests.get(f"{SHIPPING_API}/labels/{tracking_number}", timeout=10)
    resp.raise_for_status()
    return resp.content


def quote(parcel: dict) -> dict:
    for attempt in Retrying(stop=stop_after_attempt(3), wait=wait_exponential(multiplier=1)):
        with attempt:
            resp = requests.post(f"{SHIPPING_API}/quotes", json=parcel, headers={"Idempotency-Key": parcel["id"]}, timeout=10)
            resp.raise_for_status()
            return resp.json()
    return {}


async def track(tracking_number: str) -> dict:
    async with httpx.AsyncClient(base_url=SHIPPING_API) as client:
        async for attempt in AsyncRetrying(stop=stop_after_attempt(5), wait=wait_fixed(1)):  # expect: retry-without-backoff
            with attempt:
                resp = await client.get(f"/tracking/{tracking_number}")
                resp.raise_for_status()
                return resp.json()
    return {}
