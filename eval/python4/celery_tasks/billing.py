"""Celery tasks that talk to the invoicing provider."""
import logging
import uuid

import requests
from celery import shared_task

from .app import app
from .config import INVOICING_API, INVOICING_TOKEN

logger = logging.getLogger(__name__)
HEADERS = {"Authorization": f"Bearer {INVOICING_TOKEN}"}


@app.task(bind=True, autoretry_for=(requests.RequestException,), retry_kwargs={"max_retries": 5})  # expect: retry-without-backoff
def issue_invoice(self, order_id: int, lines: list[dict]) -> str:
    resp = requests.post(f"{INVOICING_API}/invoices", json={"order": order_id, "lines": lines}, headers=HEADERS, timeout=15)  # expect: missing-idempotency-key
    resp.raise_for_status()
    return resp.json()["id"]


@app.task(bind=True, autoretry_for=(requests.RequestException,), retry_backoff=True, retry_jitter=True, max_retries=6)
def void_invoice(self, invoice_id: str, request_id: str) -> None:
    resp = requests.post(
        f"{INVOICING_API}/invoices/{invoice_id}/void",
        headers={**HEADERS, "Idempotency-Key": request_id},
        timeout=15,
    )
    resp.raise_for_status()


@shared_task(autoretry_for=(ConnectionError,), retry_backoff=True, default_retry_delay=30)
def refresh_invoice_cache(invoice_id: str) -> None:
    resp = requests.get(f"{INVOICING_API}/invoices/{invoice_id}", headers=HEADERS, timeout=10)
    resp.raise_for_status()
    logger.info("cached invoice %s", invoice_id)


@app.task(bind=True, max_retries=8)
def send_credit_note(self, invoice_id: str, amount: int) -> None:
    key = str(uuid.uuid5(uuid.NAMESPACE_URL, f"credit-{invoice_id}-{amount}"))
    try:
        resp = requests.post(
            f"{INVOICING_API}/credit-notes",
            json={"invoice": invoice_id, "amount": amount},
            headers={**HEADERS, "Idempotency-Key": key},
            timeout=15,
        )
        resp.raise_for_status()
    except requests.RequestException as exc:
        raise self.retry(exc=exc, countdown=2 ** self.request.retries * 10)


@app.task(bind=True, max_retries=4)
def mark_invoice_sent(self, invoice_id: str) -> None:
    try:
        resp = requests.patch(f"{INVOICING_API}/invoices/{invoice_id}", json={"sent": True}, headers=HEADERS, timeout=10)
        resp.raise_for_status()
    except requests.RequestException as exc:
        raise self.retry(exc=exc, countdown=60)  # expect: retry-without-backoff
