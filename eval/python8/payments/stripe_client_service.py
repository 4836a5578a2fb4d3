"""Subscription billing on the StripeClient API (stripe-python 8+)."""
import logging
import os
import uuid

from stripe import StripeClient, StripeError

logger = logging.getLogger("billing")

if os.getenv("BILLING_ENV") == "live":
    client = StripeClient(os.environ["STRIPE_SECRET_KEY"])
else:
    client = StripeClient("sk_live_wHsGQeZ52G6SIowp6asvorcBqyt1T5AlQzhk7Q2b")  # expect: hardcoded-credential


def create_customer(email: str, name: str) -> str:
    customer = client.customers.create(params={"email": email, "name": name})
    return customer.id


def top_up(customer_id: str, amount_minor: int, currency: str = "usd") -> str:
    intent = client.v1.payment_intents.create(  # expect: missing-idempotency-key
        params={
            "amount": amount_minor,
            "currency": currency,
            "customer": customer_id,
            "automatic_payment_methods": {"enabled": True},
        }
    )
    return intent.client_secret


def refund_invoice(payment_intent: str, amount_minor: int | None = None) -> str:
    params = {"payment_intent": payment_intent}
    if amount_minor is not None:
        params["amount"] = amount_minor
    refund = client.refunds.create(params=params, options={"idempotency_key": f"refund-{payment_intent}-{amount_minor}"})
    return refund.id


def pay_partner(account_id: str, amount_minor: int) -> str:
    transfer = client.transfers.create({"amount": amount_minor, "currency": "usd", "destination": account_id})  # expect: missing-idempotency-key
    logger.info("transferred %s to %s", amount_minor, account_id)
    return transfer.id


def payout_partner(account_id: str, amount_minor: int) -> str | None:
    try:
        payout = client.v1.payouts.create(
            params={"amount": amount_minor, "currency": "usd"},
            options={"stripe_account": account_id, "idempotency_key": str(uuid.uuid5(uuid.NAMESPACE_URL, account_id))},
        )
    except StripeError as exc:
        logger.error("payout for %s failed: %s", account_id, exc.user_message)
        return None
    return payout.id


def cancel_subscription(subscription_id: str) -> None:
    client.subscriptions.cancel(subscription_id)
