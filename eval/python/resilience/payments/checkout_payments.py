"""Stripe charges, intents and refunds for the checkout service."""
import logging
import os
import uuid

import stripe
from stripe import StripeClient

logger = logging.getLogger(__name__)

stripe.api_key = os.environ["STRIPE_SECRET_KEY"]
stripe.max_network_retries = 2

client = StripeClient(os.environ["STRIPE_SECRET_KEY"])


def charge_card(order_id: str, amount_cents: int, source: str) -> str:
    charge = stripe.Charge.create(  # expect: missing-idempotency-key
        amount=amount_cents,
        currency="eur",
        source=source,
        metadata={"order_id": order_id},
    )
    return charge.id


def create_intent(order_id: str, amount_cents: int, customer_id: str) -> str:
    intent = stripe.PaymentIntent.create(
        amount=amount_cents,
        currency="eur",
        customer=customer_id,
        automatic_payment_methods={"enabled": True},
        idempotency_key=f"pi-{order_id}",
    )
    return intent.client_secret


def confirm_intent(intent_id: str) -> str:
    return stripe.PaymentIntent.confirm(intent_id).status


def refund(order_id: str, charge_id: str, amount_cents: int | None = None) -> str:
    r = stripe.Refund.create(charge=charge_id, amount=amount_cents)  # expect: missing-idempotency-key
    logger.info("refunded order %s: %s", order_id, r.id)
    return r.id


def refund_once(refund_request_id: str, charge_id: str) -> str:
    return stripe.Refund.create(charge=charge_id, idempotency_key=refund_request_id).id


def ensure_customer(email: str) -> str:
    found = stripe.Customer.list(email=email, limit=1)
    if found.data:
        return found.data[0].id
    return stripe.Customer.create(email=email).id


def capture_with_client(order_id: str, amount_cents: int, customer_id: str) -> str:
    intent = client.payment_intents.create(  # expect: missing-idempotency-key
        params={"amount": amount_cents, "currency": "eur", "customer": customer_id},
    )
    return intent.id


def capture_with_client_v1(order_id: str, amount_cents: int, customer_id: str) -> str:
    intent = client.v1.payment_intents.create(
        params={"amount": amount_cents, "currency": "eur", "customer": customer_id},
        options={"idempotency_key": f"pi-v1-{order_id}"},
    )
    return intent.id


def refund_with_client(charge_id: str) -> str:
    return client.v1.refunds.create(params={"charge": charge_id}).id  # expect: missing-idempotency-key


def refund_with_random_key(charge_id: str) -> str:
    # A fresh key per call still sends one; whether it should be stable is a review question.
    return client.refunds.create(params={"charge": charge_id}, options={"idempotency_key": str(uuid.uuid4())}).id
