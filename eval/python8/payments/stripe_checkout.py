"""Checkout and payouts for the marketplace, on Stripe's module-level API."""
import logging

import stripe
from django.conf import settings
from django.db import transaction

from marketplace.models import Order, Seller

logger = logging.getLogger(__name__)

stripe.api_key = settings.STRIPE_SECRET_KEY
stripe.max_network_retries = 2


def start_checkout(order: Order) -> str:
    customer = stripe.Customer.create(email=order.buyer.email, metadata={"order": order.pk})
    session = stripe.checkout.Session.create(
        customer=customer.id,
        mode="payment",
        line_items=[{"price": item.price_id, "quantity": item.quantity} for item in order.items.all()],
        success_url=settings.SITE_URL + "/orders/success",
        cancel_url=settings.SITE_URL + "/orders/cancel",
    )
    return session.url


def charge_saved_card(order: Order) -> stripe.PaymentIntent:
    intent = stripe.PaymentIntent.create(  # expect: missing-idempotency-key
        amount=order.total_minor,
        currency=order.currency,
        customer=order.buyer.stripe_customer_id,
        payment_method=order.buyer.default_payment_method,
        off_session=True,
        confirm=True,
    )
    logger.info("charged order %s: %s", order.pk, intent.status)
    return intent


def deposit(order: Order) -> stripe.PaymentIntent:
    return stripe.PaymentIntent.create(
        amount=order.deposit_minor,
        currency=order.currency,
        customer=order.buyer.stripe_customer_id,
        idempotency_key=f"deposit-{order.pk}",
    )


def refund_order(order: Order, reason: str = "requested_by_customer") -> stripe.Refund:
    return stripe.Refund.create(
        payment_intent=order.payment_intent_id,
        reason=reason,
        idempotency_key=f"refund-{order.pk}-{order.refund_count}",
    )


@transaction.atomic
def pay_seller(seller: Seller, amount_minor: int, period: str) -> None:
    transfer = stripe.Transfer.create(
        amount=amount_minor,
        currency="eur",
        destination=seller.stripe_account_id,
        transfer_group=period,
        idempotency_key=f"transfer-{seller.pk}-{period}",
    )
    seller.transfers.create(stripe_id=transfer.id, amount_minor=amount_minor)
    stripe.Payout.create(  # expect: missing-idempotency-key
        amount=amount_minor,
        currency="eur",
        stripe_account=seller.stripe_account_id,
    )


def list_charges(customer_id: str) -> list:
    return list(stripe.Charge.list(customer=customer_id, limit=20).auto_paging_iter())
