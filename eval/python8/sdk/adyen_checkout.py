"""Adyen Checkout API over plain requests (the SDK pinned an old urllib3)."""
import logging
import os
import time
import uuid

import requests

logger = logging.getLogger(__name__)

ADYEN_ENDPOINT = "https://checkout-test.adyen.com/v71"
ADYEN_API_KEY = os.environ.get(
    "ADYEN_API_KEY",
    "AQEyhmfxK4vKbB1Gw0m/n3Q5qf3VaY9UCJ1+XWZe9W27jmlZitv2LHXmS3j0sBMXr2HoX0IQwV1bDb7kfNy1WIxIIkxgBw==-tQ8BxzWbD9lDh2AP4qGD4ZOPK9dCvAxaTT8bKZCx+4Y=-i1iP8XtR+6U",  # expect: hardcoded-credential
)
MERCHANT_ACCOUNT = os.environ.get("ADYEN_MERCHANT_ACCOUNT", "AcmeShopECOM")


def _headers(idempotency_key: str | None = None) -> dict:
    headers = {"X-API-Key": ADYEN_API_KEY, "Content-Type": "application/json"}
    if idempotency_key:
        headers["Idempotency-Key"] = idempotency_key
    return headers


def authorise(amount_minor: int, currency: str, payment_method: dict, reference: str) -> dict:
    key = f"auth-{reference}"
    payload = {
        "amount": {"value": amount_minor, "currency": currency},
        "paymentMethod": payment_method,
        "reference": reference,
        "merchantAccount": MERCHANT_ACCOUNT,
    }
    for attempt in range(4):
        try:
            resp = requests.post(
                f"{ADYEN_ENDPOINT}/payments",
                json=payload,
                headers={"X-API-Key": ADYEN_API_KEY, "Idempotency-Key": key},
                timeout=10,
            )
        except requests.ConnectionError:
            time.sleep(0.5 * 2 ** attempt)
            continue
        resp.raise_for_status()
        return resp.json()
    raise RuntimeError(f"adyen unreachable for {reference}")


def refund(psp_reference: str, amount_minor: int, currency: str) -> dict:
    last_error = None
    for attempt in range(3):  # expect: retry-without-backoff
        try:
            resp = requests.post(  # expect: missing-idempotency-key
                f"{ADYEN_ENDPOINT}/payments/{psp_reference}/refunds",
                json={"amount": {"value": amount_minor, "currency": currency}, "merchantAccount": MERCHANT_ACCOUNT},
                headers={"X-API-Key": ADYEN_API_KEY, "Content-Type": "application/json"},
                timeout=10,
            )
            resp.raise_for_status()
            return resp.json()
        except requests.RequestException as exc:
            last_error = exc
            logger.warning("refund attempt %d for %s failed: %s", attempt + 1, psp_reference, exc)
            time.sleep(2)
    raise RuntimeError("refund failed") from last_error


def cancel(psp_reference: str) -> dict:
    resp = requests.post(
        f"{ADYEN_ENDPOINT}/payments/{psp_reference}/cancels",
        json={"merchantAccount": MERCHANT_ACCOUNT},
        headers=_headers(str(uuid.uuid4())),
        timeout=10,
    )
    resp.raise_for_status()
    return resp.json()
