"""Mollie payments for the Dutch and Belgian shops (REST API via httpx)."""
import logging
import os
import uuid

import httpx
from tenacity import AsyncRetrying, retry, stop_after_attempt, wait_random_exponential

log = logging.getLogger(__name__)

MOLLIE_API = "https://api.mollie.com/v2"
MOLLIE_API_KEY = os.environ.get("MOLLIE_API_KEY", "live_Hq7sK2vPd9xRm4TfW8zLc3Nb6Yj1")  # expect: hardcoded-credential
mollie = httpx.AsyncClient(
    base_url=MOLLIE_API,
    headers={"Authorization": f"Bearer {MOLLIE_API_KEY}"},
    timeout=httpx.Timeout(15.0),
)


async def create_payment(order):
    async for attempt in AsyncRetrying(stop=stop_after_attempt(3)):  # expect: retry-without-backoff
        with attempt:
            resp = await mollie.post(  # expect: missing-idempotency-key
                "/payments",
                json={
                    "amount": {"currency": "EUR", "value": f"{order.total:.2f}"},
                    "description": f"Order {order.number}",
                    "redirectUrl": order.return_url,
                    "webhookUrl": order.webhook_url,
                },
            )
            resp.raise_for_status()
            return resp.json()


async def create_refund(payment_id, amount):
    idem = str(uuid.uuid4())
    async for attempt in AsyncRetrying(stop=stop_after_attempt(3), wait=wait_random_exponential(max=10)):
        with attempt:
            resp = await mollie.post(
                f"/payments/{payment_id}/refunds",
                json={"amount": {"currency": "EUR", "value": f"{amount:.2f}"}},
                headers={"Idempotency-Key": idem},
            )
            resp.raise_for_status()
            return resp.json()


async def get_payment(payment_id):
    resp = await mollie.get(f"/payments/{payment_id}")
    return resp.json()  # expect: unchecked-response-status


@retry(wait=wait_random_exponential(multiplier=1, max=30))  # expect: unbounded-retry
async def list_methods(locale="nl_NL"):
    resp = await mollie.get("/methods", params={"locale": locale})
    resp.raise_for_status()
    return [m["id"] for m in resp.json()["_embedded"]["methods"]]
