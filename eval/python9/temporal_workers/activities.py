"""Temporal activities for the subscription-renewal workflow."""
import logging
import os
from dataclasses import dataclass

import braintree
import httpx
from stripe import StripeClient
from temporalio import activity

logger = logging.getLogger(__name__)

stripe_client = StripeClient(os.environ["STRIPE_SECRET_KEY"])
gateway = braintree.BraintreeGateway(
    braintree.Configuration(
        environment=braintree.Environment.Production,
        merchant_id=os.environ["BRAINTREE_MERCHANT_ID"],
        public_key=os.environ["BRAINTREE_PUBLIC_KEY"],
        private_key="8c1f3e9a2d7b4c6f0e5a9d3b7c1f2e4a",  # expect: hardcoded-credential
    )
)
notifier = httpx.AsyncClient(base_url="https://notify.internal.example.com", timeout=10)


@dataclass
class RenewalInput:
    subscription_id: str
    customer_id: str
    amount_cents: int
    currency: str
    attempt_id: str


@activity.defn
async def charge_card(inp: RenewalInput) -> str:
    intent = stripe_client.payment_intents.create(  # expect: missing-idempotency-key
        params={
            "customer": inp.customer_id,
            "amount": inp.amount_cents,
            "currency": inp.currency,
            "confirm": True,
            "off_session": True,
        }
    )
    return intent.id


@activity.defn
async def refund_renewal(inp: RenewalInput, payment_intent: str) -> str:
    refund = stripe_client.refunds.create(
        params={"payment_intent": payment_intent},
        options={"idempotency_key": f"refund-{inp.attempt_id}"},
    )
    return refund.id


@activity.defn
async def charge_paypal_vault(inp: RenewalInput) -> str:
    result = gateway.transaction.sale(
        {"amount": f"{inp.amount_cents / 100:.2f}", "payment_method_token": inp.customer_id, "options": {"submit_for_settlement": True}}
    )
    if not result.is_success:
        raise RuntimeError(result.message)
    return result.transaction.id


@activity.defn
async def notify_customer(inp: RenewalInput, status: str) -> None:
    info = activity.info()
    resp = await notifier.post(
        "/renewals",
        json={"subscription": inp.subscription_id, "status": status, "attempt": info.attempt},
    )
    resp.raise_for_status()
    logger.info("notified %s (%s)", inp.subscription_id, resp.json().get("channel"))
