"""Client for the carrier-rates service used at checkout."""
import logging
from decimal import Decimal

import requests
from django.conf import settings

logger = logging.getLogger(__name__)

RATES_URL = "https://rates.shipfast.io/v2/quotes"
LABELS_URL = "https://labels.shipfast.io/v2/labels"


def quote(parcel: dict) -> list[dict]:
    resp = requests.post(RATES_URL, json=parcel, timeout=settings.CARRIER_TIMEOUT)
    resp.raise_for_status()
    return [q for q in resp.json()["quotes"] if q["service"] != "freight"]


def quote_fast(parcel: dict) -> Decimal:
    # A second opinion for the cheapest option; nothing bounds this one.
    resp = requests.post(RATES_URL, json=parcel)  # expect: missing-timeout
    if resp.status_code != 200:
        return Decimal("0")
    return Decimal(resp.json()["cheapest"])


def label_pdf(label_id: str) -> bytes:
    resp = requests.get(f"{LABELS_URL}/{label_id}.pdf", timeout=(3.05, 20))
    return resp.content  # expect: unchecked-response-status


def cancel_label(label_id: str) -> None:
    resp = requests.delete(f"{LABELS_URL}/{label_id}", timeout=None)  # expect: missing-timeout
    if not resp.ok:
        logger.warning("cancel failed for %s: %s", label_id, resp.status_code)


def tracking_events(tracking_no: str) -> list[dict]:
    return requests.get(f"https://track.shipfast.io/v1/{tracking_no}", timeout=5).json()  # expect: unchecked-response-status


def carrier_status() -> str:
    resp = requests.head("https://status.shipfast.io/", timeout=float("inf"))  # expect: missing-timeout
    return "up" if resp.ok else "down"


def bulk_labels(ids: list[str]) -> dict:
    resp = requests.request(  # expect: missing-timeout
        "POST",
        f"{LABELS_URL}/bulk",
        json={"ids": ids},
        timeout=(5, None),
    )
    resp.raise_for_status()
    return resp.json()
