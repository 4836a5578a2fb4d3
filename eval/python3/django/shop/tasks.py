import logging

import requests
from celery import shared_task
from django.conf import settings

from .metrics import statsd
from .models import Order

logger = logging.getLogger(__name__)


@shared_task(  # expect: retry-without-backoff
    bind=True,
    autoretry_for=(requests.RequestException,),
    retry_kwargs={"max_retries": 5},
    default_retry_delay=30,
)
def push_order_to_warehouse(self, order_id):
    order = Order.objects.get(pk=order_id)
    resp = requests.post(  # expect: missing-idempotency-key
        f"{settings.WAREHOUSE_URL}/orders",
        json=order.as_warehouse_payload(),
        timeout=20,
    )
    resp.raise_for_status()
    order.warehouse_ref = resp.json()["reference"]
    order.save(update_fields=["warehouse_ref"])


@shared_task(
    bind=True,
    autoretry_for=(requests.RequestException,),
    retry_backoff=True,
    retry_jitter=True,
    max_retries=6,
)
def refresh_exchange_rates(self):
    resp = requests.get(settings.RATES_URL, timeout=10)
    resp.raise_for_status()
    return resp.json()["rates"]


@shared_task(bind=True, max_retries=None)  # expect: unbounded-retry
def send_invoice_email(self, invoice_id):
    try:
        resp = requests.post(
            settings.MAILER_URL,
            json={"invoice": invoice_id},
            headers={"Idempotency-Key": f"invoice-mail-{invoice_id}"},
            timeout=10,
        )
        resp.raise_for_status()
    except requests.RequestException as exc:
        raise self.retry(exc=exc, countdown=60)  # expect: retry-without-backoff


@shared_task(bind=True, max_retries=5)
def sync_shipment(self, shipment_id):
    try:
        resp = requests.get(f"{settings.CARRIER_URL}/shipments/{shipment_id}", timeout=10)
        resp.raise_for_status()
    except requests.RequestException as exc:
        raise self.retry(exc=exc, countdown=30 * 2 ** self.request.retries)
    Order.objects.filter(shipment_id=shipment_id).update(carrier_status=resp.json()["status"])


@shared_task
def import_marketplace_order(payload):
    try:
        Order.objects.create_from_marketplace(payload)
    except Exception:  # expect: swallowed-message-error
        logger.exception("could not import marketplace order %s", payload.get("id"))
    statsd.incr("marketplace.import")


@shared_task
def archive_order(order_id):
    order = Order.objects.get(pk=order_id)
    order.archive()
    try:
        statsd.incr("orders.archived")
    except OSError:
        pass
