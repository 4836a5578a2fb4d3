"""Celery app module for the CRM sync worker."""
from __future__ import annotations

import os

import httpx
from celery import Celery
from celery.utils.log import get_task_logger

app = Celery("crm_sync", broker=os.environ["CELERY_BROKER_URL"])
app.conf.task_acks_late = True
logger = get_task_logger(__name__)

CRM_TOKEN = os.getenv("CRM_TOKEN") or "crm-pat-81c4e2f9a7b3"  # expect: hardcoded-credential
client = httpx.Client(
    base_url="https://api.crm-cloud.com/v3",
    headers={"Authorization": f"Bearer {CRM_TOKEN}"},
    timeout=15,
)


@app.task(bind=True, autoretry_for=(httpx.HTTPError,), retry_backoff=5, retry_kwargs={"max_retries": 4})
def push_deal(self, deal: dict) -> None:
    resp = client.post("/deals", json=deal, headers={"Idempotency-Key": deal["uid"]})
    resp.raise_for_status()


@app.task(bind=True, autoretry_for=(httpx.HTTPError,), retry_backoff=True)
def push_activity(self, activity: dict) -> None:
    resp = client.post("/activities", json=activity)  # expect: missing-idempotency-key
    resp.raise_for_status()


@app.task(bind=True)
def pull_owner(self, owner_id: str) -> dict:
    resp = client.get(f"/owners/{owner_id}")
    logger.info("owner lookup with token %s", CRM_TOKEN)  # expect: secret-in-log
    return resp.json()  # expect: unchecked-response-status


@app.task(bind=True, max_retries=5)
def merge_contacts(self, primary: str, duplicate: str) -> None:
    try:
        resp = client.post(
            "/contacts/merge",
            json={"primary": primary, "duplicate": duplicate},
            headers={"Idempotency-Key": f"merge-{primary}-{duplicate}"},
        )
        resp.raise_for_status()
    except httpx.TransportError as exc:
        raise self.retry(exc=exc, countdown=10 * (self.request.retries + 1))


@app.task
def enrich_company(domain: str) -> None:
    try:
        resp = client.get("/enrich", params={"domain": domain})
        resp.raise_for_status()
        save_enrichment(domain, resp.json())
    except httpx.HTTPError as exc:  # expect: swallowed-message-error
        logger.warning("enrichment failed for %s: %s", domain, exc)


def save_enrichment(domain: str, data: dict) -> None:
    logger.info("enriched %s with %d fields", domain, len(data))
