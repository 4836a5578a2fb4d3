"""Celery tasks that talk to the invoicing provider."""
from __future__ import annotations

import logging

import requests
from celery import shared_task
from celery.exceptions import Reject
from django.conf import settings

from billing.models import Invoice

log = logging.getLogger(__name__)
INVOICING = "https://api.invoicing-cloud.com/v2"


@shared_task(
    bind=True,
    autoretry_for=(requests.RequestException,),
    retry_backoff=True,
    retry_backoff_max=600,
    retry_jitter=True,
    max_retries=8,
)
def issue_invoice(self, invoice_id: int) -> str:
    invoice = Invoice.objects.get(pk=invoice_id)
    resp = requests.post(
        f"{INVOICING}/invoices",
        json=invoice.as_payload(),
        headers={"Idempotency-Key": f"invoice-{invoice.pk}"},
        timeout=settings.HTTP_TIMEOUT,
    )
    resp.raise_for_status()
    return resp.json()["id"]


@shared_task(bind=True, autoretry_for=(requests.RequestException,), default_retry_delay=30)  # expect: retry-without-backoff
def void_invoice(self, invoice_id: int) -> None:
    invoice = Invoice.objects.get(pk=invoice_id)
    resp = requests.post(f"{INVOICING}/invoices/{invoice.remote_id}/void", timeout=10)  # expect: missing-idempotency-key
    resp.raise_for_status()


@shared_task(bind=True, max_retries=None, acks_late=True)  # expect: unbounded-retry
def send_reminder(self, invoice_id: int) -> None:
    invoice = Invoice.objects.get(pk=invoice_id)
    try:
        resp = requests.put(f"{INVOICING}/invoices/{invoice.remote_id}/reminder", timeout=10)
        resp.raise_for_status()
    except requests.RequestException as exc:
        raise self.retry(exc=exc, countdown=60)  # expect: retry-without-backoff


@shared_task(bind=True, max_retries=6)
def reconcile(self, invoice_id: int) -> None:
    invoice = Invoice.objects.get(pk=invoice_id)
    try:
        resp = requests.get(f"{INVOICING}/invoices/{invoice.remote_id}", timeout=10)
        resp.raise_for_status()
    except requests.RequestException as exc:
        raise self.retry(exc=exc, countdown=2 ** self.request.retries * 15)
    invoice.mark_reconciled(resp.json()["status"])


@shared_task
def archive_invoice(invoice_id: int) -> None:
    invoice = Invoice.objects.get(pk=invoice_id)
    try:
        resp = requests.post(f"{INVOICING}/invoices/{invoice.remote_id}/archive", timeout=10)
        resp.raise_for_status()
    except requests.RequestException:  # expect: swallowed-message-error
        log.exception("archive failed for invoice %s", invoice_id)
        return
    invoice.archived = True
    invoice.save(update_fields=["archived"])


@shared_task
def pdf_render(invoice_id: int) -> None:
    invoice = Invoice.objects.get(pk=invoice_id)
    try:
        invoice.render_pdf()
    except ValueError as exc:
        raise Reject(exc, requeue=True)  # expect: poison-message-requeue
    try:
        requests.post(
            "https://hooks.metrics-cloud.com/track",
            json={"event": "pdf_rendered"},
            timeout=2,
        )
    except requests.RequestException:
        log.debug("metrics ping failed")


@shared_task
def pdf_render_strict(invoice_id: int) -> None:
    invoice = Invoice.objects.get(pk=invoice_id)
    try:
        invoice.render_pdf()
    except ValueError as exc:
        raise Reject(exc, requeue=False)
