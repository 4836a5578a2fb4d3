"""Transactional email tasks (SendGrid via its HTTP API)."""
import logging

import requests
from celery import shared_task
from celery.exceptions import Reject

from .config import SENDGRID_API_KEY

logger = logging.getLogger(__name__)
SENDGRID_SEND = "https://api.sendgrid.com/v3/mail/send"


@shared_task(bind=True, acks_late=True)
def send_receipt(self, order: dict) -> None:
    try:
        resp = requests.post(
            SENDGRID_SEND,
            json={"personalizations": [{"to": [{"email": order["email"]}]}], "template_id": "d-receipt"},
            headers={"Authorization": f"Bearer {SENDGRID_API_KEY}"},
            timeout=10,
        )
        resp.raise_for_status()
    except requests.RequestException:  # expect: swallowed-message-error
        logger.exception("receipt for order %s not sent", order["id"])


@shared_task(bind=True, acks_late=True)
def send_password_reset(self, user: dict, reset_url: str) -> None:
    try:
        resp = requests.post(
            SENDGRID_SEND,
            json={"personalizations": [{"to": [{"email": user["email"]}]}], "reset": reset_url},
            headers={"Authorization": f"Bearer {SENDGRID_API_KEY}"},
            timeout=10,
        )
        resp.raise_for_status()
    except requests.HTTPError as exc:
        logger.error("reset mail failed for %s", user["id"])
        raise Reject(exc, requeue=False)


@shared_task(bind=True, acks_late=True, max_retries=3)
def send_digest(self, user: dict, items: list) -> None:
    try:
        resp = requests.post(SENDGRID_SEND, json={"to": user["email"], "items": items}, headers={"Idempotency-Key": self.request.id}, timeout=10)
        resp.raise_for_status()
    except requests.ConnectionError as exc:
        raise self.retry(exc=exc, countdown=30 * (self.request.retries + 1))
    except requests.HTTPError:
        logger.warning("digest rejected for %s", user["id"])
        raise


@shared_task(bind=True, acks_late=True)
def send_invoice_copy(self, invoice: dict) -> None:
    try:
        resp = requests.post(SENDGRID_SEND, json={"invoice": invoice["id"]}, timeout=10)
        resp.raise_for_status()
    except requests.HTTPError as exc:
        logger.error("invoice copy failed: %s", exc)
        raise Reject(exc, requeue=True)  # expect: poison-message-requeue
