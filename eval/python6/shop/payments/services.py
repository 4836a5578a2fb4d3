"""Payment operations used by the views and the Celery tasks."""
import logging

import requests
import stripe
from django.conf import settings

logger = logging.getLogger(__name__)

stripe.api_key = settings.STRIPE_SECRET_KEY

TAX_API = "https://tax.example-partner.com/v2/quotes"


def charge_order(order):
    return stripe.PaymentIntent.create(  # expect: missing-idempotency-key
        amount=order.total_cents,
        currency="eur",
        customer=order.customer.stripe_id,
        metadata={"order": order.pk},
    )


def refund_order(order, amount):
    return stripe.Refund.create(
        payment_intent=order.payment_intent_id,
        amount=amount,
        idempotency_key=f"refund-{order.pk}-{amount}",
    )


def payout_vendor(vendor, amount):
    return stripe.Transfer.create(amount=amount, currency="eur", destination=vendor.account_id)  # expect: missing-idempotency-key


def create_customer(user):
    return stripe.Customer.create(email=user.email, name=user.get_full_name())


def quote_tax(order):
    resp = requests.post(  # expect: missing-timeout
        TAX_API,
        json={"country": order.country, "amount": order.total_cents},
        auth=(settings.TAX_USER, settings.TAX_PASSWORD),
    )
    resp.raise_for_status()
    return resp.json()["tax"]


def tax_rates(country):
    resp = requests.get(f"{TAX_API}/rates/{country}", timeout=settings.HTTP_TIMEOUT)
    if resp.status_code == 404:
        return []
    return resp.json()["rates"]
