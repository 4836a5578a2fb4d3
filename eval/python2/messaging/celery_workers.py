"""CRM, receipt and import tasks of the back office (Celery)."""
import logging

from celery import shared_task
from celery.exceptions import Reject

from backoffice.celery import app
from backoffice.crm import CRMError, crm
from backoffice.erp import ERPUnavailable, erp
from backoffice.importer import BadFile, TransientImportError, importer
from backoffice.mail import mailer
from backoffice.models import Contact, Order

logger = logging.getLogger(__name__)


@shared_task
def sync_contact(contact_id: int) -> None:
    contact = Contact.objects.get(pk=contact_id)
    try:
        crm.push_contact(contact.as_payload())
    except CRMError as exc:  # expect: swallowed-message-error
        logger.warning("crm push failed for %s: %s", contact_id, exc)
    audit_event.delay("contact_synced", contact_id)


@shared_task
def audit_event(kind: str, ref: int) -> None:
    logger.info("audit %s %s", kind, ref)


@shared_task
def send_receipt(order_id: int) -> None:
    try:
        order = Order.objects.get(pk=order_id)
    except Order.DoesNotExist:
        logger.info("order %s was deleted before its receipt went out", order_id)
        return
    mailer.send_receipt(order)


@shared_task(bind=True, max_retries=5)
def push_inventory(self, sku: str) -> None:
    try:
        erp.push_stock(sku)
    except ERPUnavailable as exc:
        raise self.retry(exc=exc, countdown=30 * 2 ** self.request.retries)


@app.task(bind=True, acks_late=True)
def import_file(self, path: str) -> None:
    try:
        importer.run(path)
    except TransientImportError as exc:
        logger.warning("import of %s failed, requeueing: %s", path, exc)
        raise Reject(exc, requeue=True)  # expect: poison-message-requeue
    except BadFile as exc:
        raise Reject(exc, requeue=False)


@app.task(bind=True, acks_late=True)
def import_attachments(self, order_id: int) -> None:
    order = Order.objects.get(pk=order_id)
    try:
        importer.attach(order)
    except TransientImportError:
        logger.exception("attachments for %s failed", order_id)
        raise
