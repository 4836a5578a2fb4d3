"""Class-based pika consumer for the invoicing queue."""
import json
import logging
import signal

import pika

from .invoicing import InvoiceRejected, TransientError, issue_invoice, validate

log = logging.getLogger(__name__)


class InvoiceConsumer:
    def __init__(self, url: str) -> None:
        self.connection = pika.BlockingConnection(pika.URLParameters(url))
        self.channel = self.connection.channel()
        self.stopping = False
        signal.signal(signal.SIGTERM, self._stop)

    def _stop(self, *_):
        self.stopping = True

    def on_message(self, ch, method, properties, body):
        if self.stopping:
            ch.basic_nack(delivery_tag=method.delivery_tag, requeue=True)
            return
        invoice = json.loads(body)
        if not validate(invoice):
            ch.basic_reject(delivery_tag=method.delivery_tag)  # expect: poison-message-requeue
            return
        try:
            issue_invoice(invoice)
        except InvoiceRejected:
            ch.basic_reject(delivery_tag=method.delivery_tag, requeue=False)
            return
        except TransientError:
            retries = int((properties.headers or {}).get("x-retry-count", 0))
            ch.basic_nack(delivery_tag=method.delivery_tag, requeue=retries < 5)
            return
        ch.basic_ack(delivery_tag=method.delivery_tag)

    def on_credit_note(self, ch, method, properties, body):
        try:
            issue_invoice(json.loads(body))
        except TransientError:
            ch.basic_nack(delivery_tag=method.delivery_tag, multiple=False, requeue=True)  # expect: poison-message-requeue
            return
        ch.basic_ack(delivery_tag=method.delivery_tag)

    def run(self) -> None:
        self.channel.basic_qos(prefetch_count=10)
        self.channel.basic_consume("invoices", on_message_callback=self.on_message)
        self.channel.basic_consume("credit-notes", on_message_callback=self.on_credit_note)
        self.channel.start_consuming()
