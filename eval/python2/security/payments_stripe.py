"""Money movement for the marketplace: charges, refunds and seller payouts."""
import logging
import uuid

import stripe as stripe_sdk
from stripe import StripeClient

from market.config import settings
from market.models import Order, Seller

log = logging.getLogger(__name__)
stripe_sdk.api_key = settings.STRIPE_SECRET_KEY
client = StripeClient(settings.STRIPE_SECRET_KEY)


def charge_order(order: Order) -> str:
    intent = stripe_sdk.PaymentIntent.create(
        amount=order.total_cents,
        currency=order.currency,
        customer=order.customer.stripe_id,
        confirm=True,
        idempotency_key=f"order-{order.id}-charge",
    )
    return intent.id


def charge_legacy_card(order: Order, card_token: str) -> str:
    charge = stripe_sdk.Charge.create(  # expect: missing-idempotency-key
        amount=order.total_cents,
        currency=order.currency,
        source=card_token,
        description=f"Order {order.number}",
    )
    return charge.id


def refund_order(order: Order, reason: str = "requested_by_customer") -> None:
    stripe_sdk.Refund.create(payment_intent=order.payment_intent_id, reason=reason)  # expect: missing-idempotency-key


def ensure_customer(order: Order) -> str:
    customer = stripe_sdk.Customer.create(email=order.customer.email, name=order.customer.name)
    return customer.id


def pay_seller(seller: Seller, amount_cents: int) -> str:
    transfer = client.transfers.create(  # expect: missing-idempotency-key
        params={"amount": amount_cents, "currency": "eur", "destination": seller.stripe_account},
    )
    return transfer.id


def partial_refund(order: Order, amount_cents: int) -> str:
    refund = client.v1.refunds.create(
        params={"payment_intent": order.payment_intent_id, "amount": amount_cents},
        options={"idempotency_key": f"refund-{order.id}-{amount_cents}"},
    )
    return refund.id


def instant_payout(seller: Seller, amount_cents: int) -> str:
    opts = {"idempotency_key": str(uuid.uuid4()), "stripe_account": seller.stripe_account}
    payout = stripe_sdk.Payout.create(amount=amount_cents, currency="eur", method="instant", **opts)
    return payout.id


def replay_transfer(transfer_kwargs: dict) -> str:
    return stripe_sdk.Transfer.create(**transfer_kwargs).id


def deposit_intent(order: Order) -> str:
    intent = client.payment_intents.create(params={"amount": order.deposit_cents, "currency": order.currency})  # expect: missing-idempotency-key
    log.info("deposit intent %s for order %s", intent.id, order.id)
    return intent.client_secret
