"""RabbitMQ (pika) consumer that renders and e-mails invoices."""
import json
import logging

import pika

from invoices.render import InvoiceRenderError, render_and_send
from invoices.store import mark_failed

logger = logging.getLogger(__name__)
MAX_REDELIVERIES = 3


def on_invoice(ch, method, properties, body) -> None:
    ch.basic_ack(delivery_tag=method.delivery_tag)  # expect: ack-before-processing
    invoice = json.loads(body)
    render_and_send(invoice)


def on_credit_note(ch, method, properties, body) -> None:
    note = json.loads(body)
    try:
        render_and_send(note)
    except InvoiceRenderError:
        logger.exception("credit note %s failed", note.get("id"))
        ch.basic_nack(delivery_tag=method.delivery_tag)  # expect: poison-message-requeue
        return
    ch.basic_ack(delivery_tag=method.delivery_tag)


def on_reminder(ch, method, properties, body) -> None:
    reminder = json.loads(body)
    deliveries = (properties.headers or {}).get("x-delivery-count", 0)
    try:
        render_and_send(reminder)
    except InvoiceRenderError:
        if deliveries >= MAX_REDELIVERIES:
            mark_failed(reminder["id"])
            ch.basic_reject(delivery_tag=method.delivery_tag, requeue=False)
        else:
            ch.basic_reject(delivery_tag=method.delivery_tag, requeue=True)
        return
    ch.basic_ack(delivery_tag=method.delivery_tag)


def on_statement(ch, method, properties, body) -> None:
    statement = json.loads(body)
    try:
        render_and_send(statement)
    except InvoiceRenderError:  # expect: swallowed-message-error
        logger.error("statement %s could not be rendered", statement["id"])
    ch.basic_ack(delivery_tag=method.delivery_tag)


def main() -> None:
    connection = pika.BlockingConnection(pika.URLParameters("amqp://invoices:invoices@rabbitmq:5672/%2F"))
    channel = connection.channel()
    channel.basic_qos(prefetch_count=10)
    channel.basic_consume(queue="invoices", on_message_callback=on_invoice)
    channel.basic_consume(queue="credit-notes", on_message_callback=on_credit_note)
    channel.basic_consume(queue="reminders", on_message_callback=on_reminder)
    channel.basic_consume(queue="statements", on_message_callback=on_statement)
    channel.basic_consume(queue="invoice-audit", on_message_callback=lambda ch, m, p, b: logger.info("audit %s", b), auto_ack=True)  # expect: ack-before-processing
    channel.start_consuming()


if __name__ == "__main__":
    main()
