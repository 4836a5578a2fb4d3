"""Celery tasks for CRM and search-index synchronisation."""
import logging

import httpx
from celery import Celery

from .config import BROKER_URL, CRM_API, SEARCH_API

app = Celery("crm", broker=BROKER_URL)
logger = logging.getLogger(__name__)
crm = httpx.Client(base_url=CRM_API, timeout=20.0)


@app.task(bind=True, autoretry_for=(httpx.TransportError,), max_retries=None, retry_backoff=True)  # expect: unbounded-retry
def push_contact(self, contact: dict) -> None:
    resp = crm.put(f"/contacts/{contact['id']}", json=contact)
    resp.raise_for_status()


@app.task(bind=True, max_retries=None)  # expect: unbounded-retry
def reindex_account(self, account_id: int) -> None:
    try:
        resp = httpx.post(f"{SEARCH_API}/reindex/{account_id}", headers={"Idempotency-Key": f"reindex-{account_id}"})
        resp.raise_for_status()
    except httpx.HTTPError as exc:
        raise self.retry(exc=exc, countdown=min(600, 5 * 2 ** self.request.retries))


@app.task(bind=True, autoretry_for=(httpx.TransportError,), retry_backoff=True)
def fetch_account_owner(self, account_id: int) -> dict:
    resp = crm.get(f"/accounts/{account_id}/owner")
    if resp.is_error:
        logger.warning("owner lookup failed: %s", resp.status_code)
        return {}
    return resp.json()


@app.task
def account_summary(account_id: int) -> dict:
    resp = crm.get(f"/accounts/{account_id}/summary")
    return resp.json()  # expect: unchecked-response-status
