"""Celery tasks that talk to the accounting provider."""
import requests
from celery import shared_task
from celery.utils.log import get_task_logger
from requests.exceptions import HTTPError, RequestException

from accounting.celery import app
from accounting.client import ledger_url, ACCOUNTING_TIMEOUT

logger = get_task_logger(__name__)


def backoff_seconds(retries: int) -> int:
    return min(600, 15 * 2 ** retries)


@app.task(bind=True, autoretry_for=(RequestException,), retry_kwargs={"max_retries": 5})  # expect: retry-without-backoff
def post_journal_entry(self, entry: dict) -> str:
    resp = requests.post(ledger_url("journal"), json=entry, timeout=ACCOUNTING_TIMEOUT)  # expect: missing-idempotency-key
    resp.raise_for_status()
    return resp.json()["id"]


@shared_task(
    bind=True,
    autoretry_for=(RequestException,),
    retry_backoff=True,
    retry_backoff_max=600,
    retry_jitter=True,
)
def post_payment(self, payment: dict) -> str:
    resp = requests.post(
        ledger_url("payments"),
        json=payment,
        headers={"Idempotency-Key": payment["reference"]},
        timeout=ACCOUNTING_TIMEOUT,
    )
    resp.raise_for_status()
    return resp.json()["id"]


@app.task(bind=True, max_retries=None)  # expect: unbounded-retry
def reconcile_account(self, account_id: str) -> None:
    try:
        resp = requests.get(ledger_url(f"accounts/{account_id}/balance"), timeout=ACCOUNTING_TIMEOUT)
        resp.raise_for_status()
    except RequestException as exc:
        raise self.retry(exc=exc, countdown=backoff_seconds(self.request.retries))
    logger.info("account %s balance %s", account_id, resp.json()["balance"])


@app.task(bind=True, max_retries=3)
def sync_vendor(self, vendor_id: str) -> None:
    try:
        resp = requests.put(ledger_url(f"vendors/{vendor_id}"), json={"sync": True}, timeout=ACCOUNTING_TIMEOUT)
        resp.raise_for_status()
    except HTTPError as exc:
        raise self.retry(exc=exc, countdown=60)  # expect: retry-without-backoff


@app.task(bind=True, max_retries=6, acks_late=True)
def close_period(self, period: str) -> None:
    try:
        resp = requests.put(ledger_url(f"periods/{period}/close"), timeout=ACCOUNTING_TIMEOUT)
        resp.raise_for_status()
    except RequestException as exc:
        raise self.retry(exc=exc, countdown=backoff_seconds(self.request.retries))
