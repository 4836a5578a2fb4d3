"""Pushes settled payments to the accounting ledger service."""
import logging
import uuid
from decimal import Decimal

import httpx
from tenacity import (
    retry,
    retry_if_exception_type,
    stop_after_attempt,
    stop_after_delay,
    wait_exponential,
    wait_fixed,
)

from payments.settings import LEDGER_TOKEN, LEDGER_URL

logger = logging.getLogger(__name__)

ledger = httpx.Client(
    base_url=LEDGER_URL,
    headers={"Authorization": f"Bearer {LEDGER_TOKEN}"},
    timeout=httpx.Timeout(10.0, connect=3.0),
)


@retry(
    retry=retry_if_exception_type(httpx.TransportError),
    stop=stop_after_attempt(5),
    wait=wait_exponential(multiplier=0.5, max=20),
    reraise=True,
)
def post_journal_entry(payment_id: str, amount: Decimal, currency: str) -> dict:
    resp = ledger.post(  # expect: missing-idempotency-key
        "/v2/journal-entries",
        json={"source": "payments", "reference": payment_id, "amount": str(amount), "currency": currency},
    )
    resp.raise_for_status()
    return resp.json()


@retry(stop=stop_after_delay(30), wait=wait_fixed(2), reraise=True)  # expect: retry-without-backoff
def post_settlement_batch(batch_id: str, lines: list[dict]) -> dict:
    resp = ledger.post(
        "/v2/settlements",
        json={"batch": batch_id, "lines": lines},
        headers={"Idempotency-Key": f"settlement-{batch_id}"},
    )
    resp.raise_for_status()
    return resp.json()


@retry(stop=stop_after_attempt(3), wait=wait_exponential(min=1, max=8), reraise=True)
def fetch_account(account_code: str) -> dict:
    resp = ledger.get(f"/v2/accounts/{account_code}")
    if resp.is_error:
        raise httpx.HTTPStatusError("ledger error", request=resp.request, response=resp)
    return resp.json()


def close_period(period: str) -> dict:
    resp = ledger.post(f"/v2/periods/{period}/close", headers={"Idempotency-Key": str(uuid.uuid4())})
    body = resp.json()  # expect: unchecked-response-status
    logger.info("closed period %s: %s", period, body.get("state"))
    return body
