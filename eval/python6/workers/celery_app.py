import logging

import httpx
from celery import Celery
from celery.exceptions import Reject

from .store import Invoice, mark_sent

app = Celery("billing", broker="amqp://billing:billing@rabbitmq.internal:5672//")
app.conf.task_acks_late = True
logger = logging.getLogger(__name__)

erp = httpx.Client(base_url="https://erp.acme-finance.com/api", timeout=20)


@app.task(bind=True, acks_late=True, autoretry_for=(httpx.TransportError,), retry_backoff=True, retry_backoff_max=600, max_retries=None)  # expect: unbounded-retry
def export_invoice(self, invoice_id: int) -> None:
    invoice = Invoice.get(invoice_id)
    resp = erp.put(f"/invoices/{invoice.number}", json=invoice.as_dict())
    resp.raise_for_status()
    mark_sent(invoice_id)


@app.task(bind=True, acks_late=True, max_retries=5)
def fetch_exchange_rate(self, currency: str) -> float:
    try:
        resp = erp.get(f"/fx/{currency}")
        resp.raise_for_status()
    except httpx.HTTPError as exc:
        raise self.retry(exc=exc, countdown=60)  # expect: retry-without-backoff
    return resp.json()["rate"]


@app.task(bind=True, acks_late=True, max_retries=6)
def send_dunning(self, invoice_id: int) -> None:
    try:
        resp = erp.post(f"/invoices/{invoice_id}/dunning", headers={"Idempotency-Key": f"dunning-{invoice_id}"})
        resp.raise_for_status()
    except httpx.HTTPError as exc:
        raise self.retry(exc=exc, countdown=30 * (self.request.retries + 1))


@app.task(bind=True, acks_late=True)
def reconcile(self, batch_id: str) -> None:
    try:
        lines = erp.get(f"/batches/{batch_id}").json()  # expect: unchecked-response-status
    except ValueError as exc:
        raise Reject(exc, requeue=True)  # expect: poison-message-requeue
    for line in lines:
        mark_sent(line["invoice"])


@app.task(bind=True, acks_late=True)
def archive_invoice(self, invoice_id: int) -> None:
    try:
        erp.post(f"/invoices/{invoice_id}/archive").raise_for_status()
    except httpx.HTTPStatusError:  # expect: swallowed-message-error
        logger.warning("archive failed for %s", invoice_id)


@app.task(bind=True, acks_late=True)
def purge_invoice(self, invoice_id: int) -> None:
    try:
        erp.delete(f"/invoices/{invoice_id}").raise_for_status()
    except httpx.HTTPStatusError as exc:
        if exc.response.status_code == 404:
            return
        raise
