"""Thin wrapper around the Stripe SDK used by checkout and subscriptions."""
import logging
import os
import uuid

import stripe
from stripe import StripeClient

logger = logging.getLogger(__name__)

if os.environ.get("STRIPE_MODE") == "sandbox":
    stripe.api_key = "sk_test_51NvQe2LkT8yWcR4pZ7mHx3Ab9sDf0GhJkLqWeRtYu"  # expect: hardcoded-credential
else:
    stripe.api_key = os.environ["STRIPE_SECRET_KEY"]

client = StripeClient(os.environ["STRIPE_SECRET_KEY"])
connect_client = StripeClient("rk_live_" + os.environ["STRIPE_CONNECT_SUFFIX"])


def charge_saved_card(customer_id: str, amount: int, currency: str = "eur") -> str:
    intent = client.payment_intents.create(  # expect: missing-idempotency-key
        params={"customer": customer_id, "amount": amount, "currency": currency, "confirm": True, "off_session": True},
    )
    return intent.id


def charge_order(order_id: str, customer_id: str, amount: int) -> str:
    intent = client.v1.payment_intents.create(
        params={"customer": customer_id, "amount": amount, "currency": "eur"},
        options={"idempotency_key": f"order-{order_id}"},
    )
    return intent.id


def pay_out_seller(account_id: str, amount: int) -> str:
    transfer = connect_client.transfers.create(params={"amount": amount, "currency": "eur", "destination": account_id})  # expect: missing-idempotency-key
    return transfer.id


def legacy_charge(token: str, amount: int) -> str:
    charge = stripe.Charge.create(amount=amount, currency="eur", source=token, idempotency_key=str(uuid.uuid4()))
    return charge.id


def top_up_balance(amount: int) -> str:
    intent = stripe.PaymentIntent.create(amount=amount, currency="eur", payment_method_types=["sepa_debit"])  # expect: missing-idempotency-key
    logger.info("top-up intent %s created", intent.id)
    return intent.id


def list_disputes(limit: int = 20) -> list:
    return list(client.disputes.list(params={"limit": limit}))


def customer_portal(customer_id: str) -> str:
    session = stripe.billing_portal.Session.create(customer=customer_id, return_url="https://shop.example.com/account")
    return session.url
