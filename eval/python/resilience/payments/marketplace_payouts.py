"""Seller payouts through Stripe Connect."""
import logging
import os
import time

import requests
import stripe

logger = logging.getLogger(__name__)

stripe.api_key = os.getenv("STRIPE_API_KEY")
LEDGER_URL = "https://ledger.acme-market.com/api/entries"


def pay_seller(seller_account: str, amount_cents: int, period: str) -> str:
    transfer = stripe.Transfer.create(  # expect: missing-idempotency-key
        amount=amount_cents,
        currency="eur",
        destination=seller_account,
        transfer_group=period,
    )
    return transfer.id


def pay_seller_once(seller_account: str, amount_cents: int, period: str) -> str:
    transfer = stripe.Transfer.create(
        amount=amount_cents,
        currency="eur",
        destination=seller_account,
        transfer_group=period,
        idempotency_key=f"transfer-{seller_account}-{period}",
    )
    return transfer.id


def instant_payout(seller_account: str, amount_cents: int) -> str:
    payout = stripe.Payout.create(amount=amount_cents, currency="eur", method="instant", stripe_account=seller_account)  # expect: missing-idempotency-key
    return payout.id


def record_entry(entry: dict) -> None:
    for attempt in range(4):
        try:
            resp = requests.post(LEDGER_URL, json=entry, timeout=10)  # expect: missing-idempotency-key
            resp.raise_for_status()
            return
        except requests.RequestException:
            logger.warning("ledger write failed, attempt %d", attempt + 1)
            time.sleep(2 ** attempt)
    raise RuntimeError("ledger unavailable")


def record_entry_idempotently(entry: dict) -> None:
    for attempt in range(4):
        try:
            resp = requests.request(
                "POST",
                LEDGER_URL,
                json=entry,
                headers={"Idempotency-Key": entry["entry_id"]},
                timeout=10,
            )
            resp.raise_for_status()
            return
        except requests.RequestException:
            time.sleep(2 ** attempt)
    raise RuntimeError("ledger unavailable")


def close_period(period: str) -> None:
    resp = requests.post(f"{LEDGER_URL}/close", json={"period": period}, timeout=10)
    resp.raise_for_status()
