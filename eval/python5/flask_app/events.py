"""Fan billing events out to the internal ledger service."""
from __future__ import annotations

import logging

import requests

from .config import BaseConfig

LEDGER_URL = "http://ledger.billing.svc.cluster.local/events"
AUDIT_URL = "http://audit.acme-corp.net/v1/ingest"  # expect: insecure-transport

logger = logging.getLogger(__name__)


def dispatch_billing_event(provider: str, event: dict) -> None:
    resp = requests.post(
        LEDGER_URL,
        json={"provider": provider, "event": event},
        timeout=BaseConfig.HTTP_TIMEOUT,
    )
    if not resp.ok:
        logger.warning("ledger rejected %s event: %s", provider, resp.text)
    requests.post(AUDIT_URL, json={"provider": provider, "type": event.get("type")})  # expect: missing-timeout
