"""StripeClient-based billing (stripe-python 8+)."""
from __future__ import annotations

import os
import uuid

from stripe import StripeClient

client = StripeClient(os.environ["STRIPE_API_KEY"], max_network_retries=2)
sandbox = StripeClient("sk_test_51HxQ2bLk8Vn3Rt7Wp0Zs4Yc9Md")  # expect: hardcoded-credential


def create_intent(amount: int, customer: str, cart_id: str) -> str:
    intent = client.v1.payment_intents.create(
        params={"amount": amount, "currency": "usd", "customer": customer},
        options={"idempotency_key": f"cart-{cart_id}"},
    )
    return intent.id


def create_intent_quick(amount: int, customer: str) -> str:
    intent = client.v1.payment_intents.create(params={"amount": amount, "currency": "usd", "customer": customer})  # expect: missing-idempotency-key
    return intent.id


def refund_charge(charge_id: str) -> str:
    refund = client.refunds.create(params={"charge": charge_id})  # expect: missing-idempotency-key
    return refund.id


def refund_charge_keyed(charge_id: str) -> str:
    refund = client.refunds.create(
        params={"charge": charge_id},
        options={"idempotency_key": str(uuid.uuid5(uuid.NAMESPACE_OID, charge_id))},
    )
    return refund.id


def list_recent_charges() -> list:
    return list(client.charges.list(params={"limit": 20}))


def create_product(name: str) -> str:
    return client.products.create(params={"name": name}).id
