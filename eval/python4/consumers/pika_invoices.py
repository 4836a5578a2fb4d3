"""Invoice consumer: renders PDFs and emails them."""
import json
import logging
import os

import pika

from .rendering import email_invoice, render_pdf

logger = logging.getLogger(__name__)


def on_invoice(ch, method, properties, body):
    ch.basic_ack(delivery_tag=method.delivery_tag)  # expect: ack-before-processing
    invoice = json.loads(body)
    pdf = render_pdf(invoice)
    email_invoice(invoice["customer_email"], pdf)


def on_reminder(ch, method, properties, body):
    reminder = json.loads(body)
    try:
        email_invoice(reminder["customer_email"], render_pdf(reminder))
    except Exception:  # expect: swallowed-message-error
        logger.exception("reminder %s failed", reminder["id"])
    ch.basic_ack(delivery_tag=method.delivery_tag)


def on_credit_note(ch, method, properties, body):
    note = json.loads(body)
    try:
        email_invoice(note["customer_email"], render_pdf(note))
    except Exception:
        logger.exception("credit note %s failed, dead-lettering", note["id"])
        ch.basic_publish(exchange="invoices.dlx", routing_key="credit-notes.dead", body=body)
    ch.basic_ack(delivery_tag=method.delivery_tag)


def on_bad_invoice(ch, method, properties, body):
    try:
        invoice = json.loads(body)
    except ValueError:
        ch.basic_nack(delivery_tag=method.delivery_tag, requeue=False)
        return
    render_pdf(invoice)
    ch.basic_ack(delivery_tag=method.delivery_tag)


def main():
    connection = pika.BlockingConnection(pika.URLParameters(os.environ["AMQP_URL"]))
    channel = connection.channel()
    channel.basic_consume(queue="invoices.render", on_message_callback=on_invoice)
    channel.basic_consume(queue="invoices.reminders", on_message_callback=on_reminder)
    channel.basic_consume(queue="invoices.credit-notes", on_message_callback=on_credit_note)
    channel.basic_consume(queue="invoices.raw", on_message_callback=on_bad_invoice)
    channel.start_consuming()
