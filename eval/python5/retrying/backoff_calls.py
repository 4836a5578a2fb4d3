"""Calls decorated with the backoff library."""
from __future__ import annotations

import logging

import aiohttp
import backoff
import requests

log = logging.getLogger(__name__)
CRM = "https://api.crm-cloud.com/v3"


def _giveup(exc: Exception) -> bool:
    response = getattr(exc, "response", None)
    return response is not None and 400 <= response.status_code < 500


@backoff.on_exception(backoff.constant, requests.RequestException, max_tries=4, interval=2)  # expect: retry-without-backoff
def pull_segments() -> list[dict]:
    resp = requests.get(f"{CRM}/segments", timeout=10)
    resp.raise_for_status()
    return resp.json()


@backoff.on_exception(backoff.expo, aiohttp.ClientError)  # expect: unbounded-retry
async def pull_contacts(session: aiohttp.ClientSession, page: int) -> list[dict]:
    async with session.get(f"{CRM}/contacts", params={"page": page}) as resp:
        resp.raise_for_status()
        return await resp.json()


@backoff.on_exception(backoff.expo, requests.RequestException, max_time=120, giveup=_giveup)
def push_note(contact_id: str, text: str) -> None:
    resp = requests.post(f"{CRM}/contacts/{contact_id}/notes", json={"text": text}, timeout=10)  # expect: missing-idempotency-key
    resp.raise_for_status()


@backoff.on_exception(
    backoff.expo,
    requests.RequestException,
    max_tries=6,
    jitter=backoff.full_jitter,
)
def push_note_keyed(contact_id: str, text: str, note_id: str) -> None:
    resp = requests.post(
        f"{CRM}/contacts/{contact_id}/notes",
        json={"text": text},
        headers={"Idempotency-Key": note_id},
        timeout=10,
    )
    resp.raise_for_status()


@backoff.on_predicate(backoff.fibo, lambda result: result is None, max_tries=10)
def wait_for_export(export_id: str) -> dict | None:
    resp = requests.get(f"{CRM}/exports/{export_id}", timeout=10)
    resp.raise_for_status()
    body = resp.json()
    return body if body["state"] == "done" else None


@backoff.on_predicate(backoff.constant, lambda r: r.status_code == 429, interval=5)  # expect: retry-without-backoff, unbounded-retry
def rate_limited_lookup(email: str) -> requests.Response:
    return requests.get(f"{CRM}/lookup", params={"email": email}, timeout=10)
