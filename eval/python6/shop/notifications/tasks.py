import logging

import requests
from celery import shared_task
from django.conf import settings

from .mailer import MailError, mailer
from .models import Contact, User

logger = logging.getLogger(__name__)


@shared_task(bind=True, autoretry_for=(requests.RequestException,), max_retries=5)  # expect: retry-without-backoff
def push_to_crm(self, contact_id):
    contact = Contact.objects.get(pk=contact_id)
    resp = requests.put(
        f"{settings.CRM_URL}/contacts/{contact.external_id}",
        json={"email": contact.email, "name": contact.name},
        timeout=10,
    )
    resp.raise_for_status()


@shared_task(bind=True, autoretry_for=(requests.RequestException,), retry_backoff=True, max_retries=8)
def send_sms_receipt(self, order_id, phone):
    resp = requests.post(  # expect: missing-idempotency-key
        f"{settings.SMS_GATEWAY}/messages",
        json={"to": phone, "text": f"Order {order_id} confirmed"},
        timeout=5,
    )
    resp.raise_for_status()


@shared_task(bind=True, autoretry_for=(requests.RequestException,), retry_backoff=True)
def post_ledger_entry(self, entry_id, amount):
    resp = requests.post(
        f"{settings.LEDGER_URL}/entries",
        json={"id": entry_id, "amount": amount},
        headers={"Idempotency-Key": f"ledger-{entry_id}"},
        timeout=5,
    )
    resp.raise_for_status()


@shared_task(bind=True, max_retries=None)  # expect: unbounded-retry
def sync_inventory(self, sku):
    try:
        resp = requests.get(f"{settings.CRM_URL}/stock/{sku}", timeout=10)
        resp.raise_for_status()
    except requests.RequestException as exc:
        raise self.retry(exc=exc, countdown=2 ** self.request.retries)
    return resp.json()["quantity"]


@shared_task
def send_welcome_email(user_id):
    user = User.objects.get(pk=user_id)
    try:
        mailer.send_template("welcome", to=user.email)
    except MailError:  # expect: swallowed-message-error
        logger.exception("welcome email failed for %s", user_id)
