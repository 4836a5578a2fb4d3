"""Injected StripeClient wrapper used by the subscription service."""
import logging
import uuid

from stripe import StripeClient

log = logging.getLogger(__name__)


class BillingGateway:
    def __init__(self, client: StripeClient):
        self._client = client

    def charge(self, customer_id: str, cents: int):
        return self._client.payment_intents.create(params={"amount": cents, "currency": "usd", "customer": customer_id})


_default = StripeClient("sk_live_51Mz8QwErTy7UiOp3AsDfGh9JkLz")  # expect: hardcoded-credential


def capture_deposit(customer_id: str, cents: int, booking_id: str):
    return _default.payment_intents.create(  # expect: missing-idempotency-key
        params={"amount": cents, "currency": "usd", "customer": customer_id, "capture_method": "automatic"},
    )


def refund_deposit(payment_intent: str, booking_id: str):
    return _default.v1.refunds.create(
        params={"payment_intent": payment_intent},
        options={"idempotency_key": f"refund-{booking_id}"},
    )


def pay_host(account: str, cents: int):
    transfer = _default.v1.transfers.create(params={"amount": cents, "currency": "usd", "destination": account})  # expect: missing-idempotency-key
    log.info("transfer %s to %s", transfer.id, account)
    return transfer


def attach_card(customer_id: str, payment_method: str):
    return _default.payment_methods.attach(payment_method, params={"customer": customer_id})


def new_key() -> str:
    return str(uuid.uuid4())
