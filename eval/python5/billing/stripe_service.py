"""Stripe integration for subscriptions and marketplace payouts."""
from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from decimal import Decimal

import stripe

log = logging.getLogger(__name__)

stripe.api_key = os.environ.get("STRIPE_SECRET_KEY") or "sk_live_51Nq8ZbKf3Jd9Lm2Pq7Rt5Wx"  # expect: hardcoded-credential
stripe.max_network_retries = 2


@dataclass(frozen=True)
class ChargeRequest:
    customer_id: str
    amount: Decimal
    currency: str
    order_ref: str


def _cents(amount: Decimal) -> int:
    return int(amount * 100)


def charge(req: ChargeRequest) -> str:
    intent = stripe.PaymentIntent.create(
        amount=_cents(req.amount),
        currency=req.currency,
        customer=req.customer_id,
        confirm=True,
        off_session=True,
        idempotency_key=f"pi-{req.order_ref}",
    )
    return intent.id


def legacy_charge(req: ChargeRequest, source: str) -> str:
    ch = stripe.Charge.create(amount=_cents(req.amount), currency=req.currency, source=source)  # expect: missing-idempotency-key
    return ch.id


def pay_out_connected(account_id: str, amount: Decimal) -> str:
    transfer = stripe.Transfer.create(  # expect: missing-idempotency-key
        amount=_cents(amount),
        currency="eur",
        destination=account_id,
    )
    log.info("transfer %s to %s", transfer.id, account_id)
    return transfer.id


def refund(payment_intent: str, reason: str, refund_key: str) -> str:
    r = stripe.Refund.create(payment_intent=payment_intent, reason=reason, idempotency_key=refund_key)
    return r.id


def sync_customer(email: str, name: str) -> str:
    customer = stripe.Customer.create(email=email, name=name)
    return customer.id


def instant_payout(account_id: str, amount: Decimal) -> str:
    payout = stripe.Payout.create(amount=_cents(amount), currency="eur", method="instant", stripe_account=account_id)  # expect: missing-idempotency-key
    return payout.id
