import os
import uuid

import stripe
from stripe import StripeClient

client = StripeClient(os.environ["STRIPE_SECRET_KEY"])


def pay_seller(seller_account, amount_cents):
    transfer = client.v1.transfers.create(params={"amount": amount_cents, "currency": "eur", "destination": seller_account})  # expect: missing-idempotency-key
    return transfer.id


def pay_out(amount_cents, request_id):
    payout = client.payouts.create(params={"amount": amount_cents, "currency": "eur"}, options={"idempotency_key": request_id})
    return payout.id


def legacy_refund(charge_id):
    return stripe.Refund.create(charge=charge_id)  # expect: missing-idempotency-key


def legacy_charge(token, amount):
    return stripe.Charge.create(source=token, amount=amount, currency="eur", idempotency_key=str(uuid.uuid4()))
