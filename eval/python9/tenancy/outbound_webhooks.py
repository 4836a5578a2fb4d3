"""Outbound webhooks for a multi-tenant SaaS: each tenant registers endpoints and gets a signing secret."""
import hashlib
import hmac
import json
import logging
import time
import uuid

import requests
from django.conf import settings

from tenants.models import Endpoint

logger = logging.getLogger(__name__)

delivery = requests.Session()
delivery.headers["User-Agent"] = "ExampleSaaS-Webhooks/2.1"


def sign(secret: str, body: bytes, timestamp: int) -> str:
    mac = hmac.new(secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256)
    return mac.hexdigest()


def deliver(endpoint: Endpoint, event: dict) -> bool:
    body = json.dumps(event, separators=(",", ":")).encode()
    event_id = event.get("id") or str(uuid.uuid4())
    for attempt in range(settings.WEBHOOK_MAX_ATTEMPTS):
        ts = int(time.time())
        headers = {
            "Content-Type": "application/json",
            "Webhook-Id": event_id,
            "Webhook-Timestamp": str(ts),
            "Webhook-Signature": f"v1={sign(endpoint.secret, body, ts)}",
            "Idempotency-Key": event_id,
        }
        try:
            resp = delivery.post(endpoint.url, data=body, headers=headers, timeout=settings.WEBHOOK_TIMEOUT)
            if resp.status_code < 300:
                return True
            logger.info("endpoint %s answered %s", endpoint.pk, resp.status_code)
        except requests.RequestException as exc:
            logger.info("endpoint %s unreachable: %s", endpoint.pk, exc)
        time.sleep(min(2 ** attempt, 300))
    return False


def deliver_legacy(endpoint: Endpoint, event: dict) -> bool:
    """v1 endpoints: the tenant's shared token goes in a header, not a signature."""
    for attempt in range(3):  # expect: retry-without-backoff
        try:
            resp = delivery.post(  # expect: missing-idempotency-key
                endpoint.url,
                json=event,
                headers={"X-Tenant-Token": endpoint.secret},
                timeout=settings.WEBHOOK_TIMEOUT,
            )
            resp.raise_for_status()
            return True
        except requests.RequestException:
            time.sleep(settings.WEBHOOK_RETRY_DELAY)
    return False


def ping(endpoint: Endpoint) -> bool:
    resp = delivery.get(endpoint.url, params={"challenge": uuid.uuid4().hex})  # expect: missing-timeout
    return resp.ok


def log_delivery(endpoint: Endpoint, headers: dict) -> None:
    logger.debug("delivered to %s with signing secret %s", endpoint.url, endpoint.secret)  # expect: secret-in-log
    logger.debug("delivered to %s, secret fingerprint %s", endpoint.url, hashlib.sha256(endpoint.secret.encode()).hexdigest()[:8])
