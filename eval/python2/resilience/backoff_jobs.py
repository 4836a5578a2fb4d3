"""Marketing-platform sync, retried with the backoff library."""
import logging

import backoff
import httpx
import requests
from backoff import expo, fibo, on_exception

from crm.settings import MARKETING_API, MARKETING_KEY

logger = logging.getLogger(__name__)


def _giveup(exc: requests.RequestException) -> bool:
    response = getattr(exc, "response", None)
    return response is not None and 400 <= response.status_code < 500 and response.status_code != 429


@backoff.on_exception(backoff.expo, requests.exceptions.RequestException, max_tries=5, giveup=_giveup)
def fetch_segment(segment_id: str) -> dict:
    resp = requests.get(
        f"{MARKETING_API}/segments/{segment_id}",
        headers={"X-Api-Key": MARKETING_KEY},
        timeout=10,
    )
    resp.raise_for_status()
    return resp.json()


@backoff.on_exception(backoff.constant, requests.RequestException, interval=2, max_time=30)  # expect: retry-without-backoff
def fetch_campaign(campaign_id: str) -> dict:
    resp = requests.get(f"{MARKETING_API}/campaigns/{campaign_id}", headers={"X-Api-Key": MARKETING_KEY}, timeout=10)
    resp.raise_for_status()
    return resp.json()


@on_exception(expo, (httpx.TransportError, httpx.HTTPStatusError))  # expect: unbounded-retry
def push_contact(contact: dict) -> None:
    resp = httpx.put(f"{MARKETING_API}/contacts/{contact['email']}", json=contact, headers={"X-Api-Key": MARKETING_KEY})
    resp.raise_for_status()


@on_exception(fibo, httpx.TransportError, max_time=120)
def add_tags(email: str, tags: list[str]) -> None:
    resp = httpx.post(  # expect: missing-idempotency-key
        f"{MARKETING_API}/contacts/{email}/tags",
        json={"tags": tags},
        headers={"X-Api-Key": MARKETING_KEY},
    )
    resp.raise_for_status()


@backoff.on_predicate(backoff.constant, lambda result: result is None, interval=5)  # expect: retry-without-backoff, unbounded-retry
def export_url(export_id: str) -> str | None:
    resp = requests.get(f"{MARKETING_API}/exports/{export_id}", headers={"X-Api-Key": MARKETING_KEY}, timeout=10)
    resp.raise_for_status()
    return resp.json().get("download_url")


@backoff.on_exception(
    backoff.expo,
    requests.RequestException,
    max_tries=4,
    jitter=backoff.full_jitter,
)
def send_event(name: str, email: str) -> None:
    resp = requests.post(
        f"{MARKETING_API}/events",
        json={"name": name, "email": email},
        headers={"X-Api-Key": MARKETING_KEY, "Idempotency-Key": f"{name}:{email}"},
        timeout=10,
    )
    resp.raise_for_status()
