"""CRM sync with tenacity retries."""
import logging
import os
import uuid

import requests
from tenacity import (
    AsyncRetrying,
    Retrying,
    retry,
    retry_if_exception_type,
    stop_after_attempt,
    stop_after_delay,
    stop_never,
    wait_exponential,
    wait_fixed,
    wait_random,
    wait_random_exponential,
)

log = logging.getLogger(__name__)

CRM_API = "https://api.crmcloud.com/v4"
CRM_HEADERS = {"Authorization": f"Bearer {os.environ['CRM_API_TOKEN']}"}


@retry  # expect: retry-without-backoff, unbounded-retry
def get_contact(contact_id: str) -> dict:
    resp = requests.get(f"{CRM_API}/contacts/{contact_id}", headers=CRM_HEADERS, timeout=10)
    resp.raise_for_status()
    return resp.json()


@retry(stop=stop_after_attempt(5), retry=retry_if_exception_type(requests.ConnectionError))  # expect: retry-without-backoff
def get_company(company_id: str) -> dict:
    resp = requests.get(f"{CRM_API}/companies/{company_id}", headers=CRM_HEADERS, timeout=10)
    resp.raise_for_status()
    return resp.json()


@retry(wait=wait_exponential(multiplier=1, max=30), stop=stop_after_attempt(6), reraise=True)
def upsert_contact(contact: dict) -> dict:
    resp = requests.post(
        f"{CRM_API}/contacts/upsert",
        json=contact,
        headers={**CRM_HEADERS, "Idempotency-Key": contact["external_id"]},
        timeout=10,
    )
    resp.raise_for_status()
    return resp.json()


@retry(wait=wait_fixed(2), stop=stop_after_delay(60))  # expect: retry-without-backoff
def add_note(contact_id: str, text: str) -> None:
    resp = requests.post(f"{CRM_API}/contacts/{contact_id}/notes", json={"text": text}, headers=CRM_HEADERS, timeout=10)  # expect: missing-idempotency-key
    resp.raise_for_status()


@retry(wait=wait_random_exponential(multiplier=0.5, max=60))  # expect: unbounded-retry
def list_segments() -> list[dict]:
    resp = requests.get(f"{CRM_API}/segments", headers=CRM_HEADERS, timeout=10)
    resp.raise_for_status()
    return resp.json()["segments"]


@retry(wait=wait_exponential(max=120), stop=stop_never)  # expect: unbounded-retry
def stream_cursor() -> str:
    resp = requests.get(f"{CRM_API}/changes/cursor", headers=CRM_HEADERS, timeout=10)
    resp.raise_for_status()
    return resp.json()["cursor"]


@retry(wait=wait_random(1, 3), stop=stop_after_attempt(4))
def tag_contact(contact_id: str, tag: str) -> None:
    resp = requests.put(f"{CRM_API}/contacts/{contact_id}/tags/{tag}", headers=CRM_HEADERS, timeout=10)
    resp.raise_for_status()


def create_deal(deal: dict) -> dict:
    key = str(uuid.uuid4())
    for attempt in Retrying(wait=wait_exponential(max=20), stop=stop_after_attempt(4)):
        with attempt:
            resp = requests.post(
                f"{CRM_API}/deals",
                json=deal,
                headers={**CRM_HEADERS, "Idempotency-Key": key},
                timeout=10,
            )
            resp.raise_for_status()
            return resp.json()
    raise AssertionError("unreachable")


def archive_deal(deal_id: str) -> None:
    for attempt in Retrying(stop=stop_after_attempt(3)):  # expect: retry-without-backoff
        with attempt:
            requests.delete(f"{CRM_API}/deals/{deal_id}", headers=CRM_HEADERS, timeout=10).raise_for_status()


async def refresh_owner(client, owner_id: str) -> None:
    async for attempt in AsyncRetrying(wait=wait_fixed(5), stop=stop_after_attempt(3)):  # expect: retry-without-backoff
        with attempt:
            await client.refresh_owner(owner_id)
