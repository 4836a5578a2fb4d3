"""Media pipeline consumers: thumbnails, audit trail, invoice PDFs."""
import json
import logging

import pika

from media.audit import audit_store
from media.invoices import TransientRenderError, render_invoice_pdf
from media.render import render_thumbnail
from media.settings import AMQP_URL

log = logging.getLogger(__name__)
MAX_DEATHS = 5


def handle_thumbnail(ch, method, properties, body):
    ch.basic_ack(delivery_tag=method.delivery_tag)  # expect: ack-before-processing
    job = json.loads(body)
    render_thumbnail(job["image_id"], job["sizes"])


def handle_audit(ch, method, properties, body):
    try:
        audit_store.write(json.loads(body))
    finally:
        ch.basic_ack(delivery_tag=method.delivery_tag)


def handle_invoice(ch, method, properties, body):
    deaths = (properties.headers or {}).get("x-death", [])
    death_count = deaths[0]["count"] if deaths else 0
    try:
        render_invoice_pdf(json.loads(body))
    except TransientRenderError:
        if death_count >= MAX_DEATHS:
            ch.basic_reject(method.delivery_tag, requeue=False)
        else:
            ch.basic_reject(method.delivery_tag)
        return
    ch.basic_ack(method.delivery_tag)


def run() -> None:
    connection = pika.BlockingConnection(pika.URLParameters(AMQP_URL))
    channel = connection.channel()
    channel.basic_qos(prefetch_count=4)
    channel.basic_consume("thumbnails", handle_thumbnail)
    channel.basic_consume("audit", handle_audit)
    channel.basic_consume("invoices.pdf", handle_invoice)
    channel.start_consuming()
