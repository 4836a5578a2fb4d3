"""Renders and e-mails invoices (pika)."""
import json
import logging
import os

import pika

from billing.invoices import render_invoice, send_invoice_email
from billing.metrics import incr

log = logging.getLogger(__name__)

connection = pika.BlockingConnection(pika.URLParameters(os.environ["AMQP_URL"]))
channel = connection.channel()


def handle_invoice(ch, method, properties, body):
    invoice = json.loads(body)
    try:
        pdf = render_invoice(invoice)
        send_invoice_email(invoice["customer_email"], pdf)
    except Exception:  # expect: swallowed-message-error
        log.exception("invoice %s failed", invoice.get("invoice_id"))
    try:
        incr("invoices.sent")
    except Exception:
        log.debug("metrics unavailable")


def handle_credit_note(ch, method, properties, body):
    note = json.loads(body)
    try:
        send_invoice_email(note["customer_email"], render_invoice(note))
    except Exception:
        log.exception("credit note %s failed", note.get("note_id"))
        raise


def handle_reminder(ch, method, properties, body):
    try:
        reminder = json.loads(body)
    except json.JSONDecodeError:
        log.warning("malformed reminder dropped")
        ch.basic_reject(delivery_tag=method.delivery_tag, requeue=False)
        return
    send_invoice_email(reminder["customer_email"], render_invoice(reminder))
    ch.basic_ack(delivery_tag=method.delivery_tag)


channel.basic_consume(queue="invoices.render", on_message_callback=handle_invoice, auto_ack=True)  # expect: ack-before-processing
channel.basic_consume(queue="invoices.credit-notes", on_message_callback=handle_credit_note, auto_ack=True)  # expect: ack-before-processing
channel.basic_consume(queue="invoices.reminders", on_message_callback=handle_reminder, auto_ack=False)

if __name__ == "__main__":
    channel.start_consuming()
