"""Outbound webhooks to merchants: signs each delivery and retries with backoff."""
import hashlib
import hmac
import json
import logging
import time
import uuid

import requests

from merchants.models import Delivery, Endpoint

logger = logging.getLogger(__name__)
LEGACY_SIGNING = b"outbound-legacy-7f2a9c41d3"


def sign(secret: str, body: bytes, timestamp: int) -> str:
    return hmac.new(secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256).hexdigest()


def sign_legacy(body: bytes) -> str:
    return hmac.new(b"merchant-v1-signing-9e4b", body, hashlib.sha1).hexdigest()  # expect: hardcoded-credential


def deliver(endpoint: Endpoint, event: dict) -> Delivery:
    body = json.dumps(event, separators=(",", ":")).encode()
    delivery_id = str(uuid.uuid4())
    for attempt in range(1, 6):
        timestamp = int(time.time())
        try:
            resp = requests.post(
                endpoint.url,
                data=body,
                headers={
                    "Content-Type": "application/json",
                    "Webhook-Id": delivery_id,
                    "Idempotency-Key": delivery_id,
                    "Webhook-Signature": f"t={timestamp},v1={sign(endpoint.secret, body, timestamp)}",
                },
                timeout=5,
            )
        except requests.RequestException as exc:
            logger.info("delivery %s to %s failed: %s", delivery_id, endpoint.pk, exc)
        else:
            if resp.status_code < 500:
                return Delivery.objects.create(endpoint=endpoint, delivery_id=delivery_id, status=resp.status_code)
        time.sleep(min(2 ** attempt, 30))
    return Delivery.objects.create(endpoint=endpoint, delivery_id=delivery_id, status=0)


def deliver_legacy(endpoint: Endpoint, event: dict) -> int:
    body = json.dumps(event).encode()
    for attempt in range(3):  # expect: retry-without-backoff
        resp = requests.post(  # expect: missing-idempotency-key
            endpoint.url,
            data=body,
            headers={"Content-Type": "application/json", "X-Signature": sign_legacy(body)},
            timeout=5,
        )
        if resp.status_code < 500:
            return resp.status_code
        time.sleep(3)
    return 0
