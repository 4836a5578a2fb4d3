import logging
import os

import requests
from celery import Celery
from celery.exceptions import Reject

from documents import renderer

log = logging.getLogger(__name__)
app = Celery("notify", broker=os.environ["BROKER_URL"])


@app.task(bind=True, autoretry_for=(requests.ConnectionError, requests.Timeout), retry_backoff=True, retry_backoff_max=600)
def send_sms(self, to: str, text: str) -> str:
    resp = requests.post(  # expect: missing-idempotency-key
        "https://api.sms-gateway.example.com/v1/messages",
        json={"to": to, "text": text},
        auth=(os.environ["SMS_USER"], os.environ["SMS_PASSWORD"]),
        timeout=10,
    )
    resp.raise_for_status()
    return resp.json()["id"]


@app.task(bind=True, acks_late=True)
def render_pdf(self, document_id: str) -> str:
    try:
        return renderer.render(document_id)
    except renderer.CorruptDocument as exc:
        raise Reject(exc, requeue=False)
    except MemoryError as exc:
        raise Reject(exc, requeue=True)  # expect: poison-message-requeue


@app.task(bind=True, max_retries=3)
def refresh_avatar(self, user_id: int) -> None:
    try:
        resp = requests.get(f"https://avatars.example.com/v1/users/{user_id}", timeout=5)
        resp.raise_for_status()
    except requests.RequestException as exc:
        raise self.retry(exc=exc, countdown=10)  # expect: retry-without-backoff
    renderer.store_avatar(user_id, resp.content)


@app.task(autoretry_for=(requests.RequestException,), retry_backoff=True)
def ping_partner(partner_url: str) -> None:
    requests.get(partner_url, timeout=5).raise_for_status()


@app.task(bind=True)
def sync_contacts(self, account_id: str) -> None:
    try:
        resp = requests.get(f"https://crm.example.com/api/accounts/{account_id}/contacts", timeout=10)
        resp.raise_for_status()
        renderer.store_contacts(account_id, resp.json())
    except requests.RequestException:  # expect: swallowed-message-error
        log.warning("contact sync failed for %s", account_id)
