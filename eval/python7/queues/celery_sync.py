import logging

import requests
from celery import Celery
from celery.exceptions import Reject

app = Celery("sync", broker="redis://redis.internal:6379/1")
log = logging.getLogger(__name__)


@app.task(bind=True, autoretry_for=(requests.RequestException,), retry_kwargs={"max_retries": 5})  # expect: retry-without-backoff
def push_order(self, order):
    r = requests.post("https://oms.example-retail.com/orders", json=order, timeout=10)  # expect: missing-idempotency-key
    r.raise_for_status()


@app.task(bind=True, autoretry_for=(requests.RequestException,), retry_backoff=True, max_retries=None)  # expect: unbounded-retry
def push_stock(self, sku, qty):
    r = requests.put(f"https://oms.example-retail.com/stock/{sku}", json={"qty": qty}, timeout=10)
    r.raise_for_status()


@app.task(bind=True, max_retries=4)
def push_refund(self, refund):
    try:
        r = requests.post("https://oms.example-retail.com/refunds", json=refund,
                          headers={"Idempotency-Key": refund["id"]}, timeout=10)
        r.raise_for_status()
    except requests.RequestException as exc:
        raise self.retry(exc=exc, countdown=60)  # expect: retry-without-backoff


@app.task(bind=True, max_retries=4)
def push_invoice(self, invoice):
    try:
        r = requests.post("https://oms.example-retail.com/invoices", json=invoice,
                          headers={"Idempotency-Key": invoice["id"]}, timeout=10)
        r.raise_for_status()
    except requests.RequestException as exc:
        raise self.retry(exc=exc, countdown=2 ** self.request.retries * 15)


@app.task
def archive(doc):
    try:
        requests.post("https://archive.example-corp.com/docs", json=doc, timeout=30).raise_for_status()
    except requests.RequestException:  # expect: swallowed-message-error
        log.exception("archive failed")


@app.task(acks_late=True)
def reprocess(doc):
    try:
        requests.post("https://archive.example-corp.com/reprocess", json=doc, timeout=30).raise_for_status()
    except requests.RequestException as exc:
        raise Reject(exc, requeue=True)  # expect: poison-message-requeue
