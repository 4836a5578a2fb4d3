import os

import stripe
from stripe import StripeClient

client = StripeClient(os.environ["STRIPE_SECRET_KEY"])
sandbox = StripeClient("sk_test_51Hx9QpLkT3vWm8Nz2RbYc4Df6GhJ")  # expect: hardcoded-credential


def charge(customer_id: str, amount: int, order_id: str):
    return client.payment_intents.create(
        params={"amount": amount, "currency": "usd", "customer": customer_id, "confirm": True},
        options={"idempotency_key": f"pi-{order_id}"},
    )


def payout(account: str, amount: int):
    return client.v1.payouts.create(  # expect: missing-idempotency-key
        params={"amount": amount, "currency": "usd"},
        options={"stripe_account": account},
    )


def refund(payment_intent: str):
    return client.refunds.create(params={"payment_intent": payment_intent})  # expect: missing-idempotency-key


def new_customer(email: str):
    return client.customers.create(params={"email": email})


def legacy_charge(token: str, amount: int, order_id: str):
    return stripe.Charge.create(
        amount=amount,
        currency="usd",
        source=token,
        api_key=os.environ["STRIPE_LEGACY_KEY"],
        idempotency_key=f"charge-{order_id}",
    )
