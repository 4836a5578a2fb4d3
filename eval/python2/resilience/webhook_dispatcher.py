"""Delivers our outgoing webhooks to customer endpoints (no inbound routes here)."""
import hashlib
import hmac
import json
import logging
import time

import requests

from notify.models import Delivery, Endpoint

logger = logging.getLogger(__name__)

BACKOFF_SCHEDULE = (1, 5, 30, 120, 600)
DELIVERY_TIMEOUT = 10


def sign(secret: bytes, body: bytes, timestamp: int) -> str:
    mac = hmac.new(secret, f"{timestamp}.".encode() + body, hashlib.sha256)
    return f"t={timestamp},v1={mac.hexdigest()}"


def deliver(endpoint: Endpoint, event: dict) -> Delivery:
    body = json.dumps(event, separators=(",", ":")).encode()
    for attempt, pause in enumerate(BACKOFF_SCHEDULE, start=1):
        timestamp = int(time.time())
        headers = {
            "Content-Type": "application/json",
            "Webhook-Id": event["id"],
            "Webhook-Signature": sign(endpoint.secret.encode(), body, timestamp),
        }
        try:
            resp = requests.post(endpoint.url, data=body, headers=headers, timeout=DELIVERY_TIMEOUT)  # expect: missing-idempotency-key
            if resp.ok:
                return Delivery.succeeded(endpoint, event["id"], attempt)
            logger.info("endpoint %s answered %s", endpoint.id, resp.status_code)
        except requests.RequestException as exc:
            logger.info("endpoint %s failed: %s", endpoint.id, exc)
        time.sleep(pause)
    return Delivery.failed(endpoint, event["id"])


def ping(endpoint: Endpoint) -> bool:
    try:
        return requests.head(endpoint.url, timeout=DELIVERY_TIMEOUT, allow_redirects=False).ok
    except requests.RequestException:
        return False
