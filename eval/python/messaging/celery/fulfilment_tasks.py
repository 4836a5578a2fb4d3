"""Celery tasks of the fulfilment worker."""
import logging
import os

from celery import Celery
from celery.exceptions import Reject

from fulfilment.carriers import CarrierDown, book_pickup
from fulfilment.documents import render_packing_slip
from fulfilment.metrics import timing

logger = logging.getLogger(__name__)

app = Celery("fulfilment", broker=os.environ["CELERY_BROKER_URL"])


@app.task
def packing_slip(order_id: str) -> None:
    try:
        render_packing_slip(order_id)
    except Exception:  # expect: swallowed-message-error
        logger.exception("packing slip for %s failed", order_id)


@app.task(bind=True, max_retries=5)
def pickup(self, order_id: str) -> str:
    try:
        return book_pickup(order_id)
    except CarrierDown as exc:
        raise self.retry(exc=exc, countdown=30 * 2 ** self.request.retries)


@app.task(acks_late=True)
def pickup_requeue(order_id: str) -> str:
    try:
        return book_pickup(order_id)
    except CarrierDown as exc:
        raise Reject(exc, requeue=True)  # expect: poison-message-requeue


@app.task(acks_late=True)
def pickup_drop(order_id: str) -> str:
    try:
        return book_pickup(order_id)
    except CarrierDown as exc:
        raise Reject(exc, requeue=False)


@app.task
def slip_with_metrics(order_id: str) -> None:
    render_packing_slip(order_id)
    try:
        timing("fulfilment.slip", 1)
    except Exception:
        logger.debug("metrics unavailable")


def queue_pickup(order_id: str) -> None:
    pickup.delay(order_id)
    packing_slip.apply_async(args=[order_id], countdown=5)
