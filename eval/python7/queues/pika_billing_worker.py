import json
import logging

import pika
import requests

log = logging.getLogger("billing-worker")


class BillingWorker:
    def __init__(self, url):
        self.conn = pika.BlockingConnection(pika.URLParameters(url))
        self.channel = self.conn.channel()
        self.channel.basic_qos(prefetch_count=10)

    def start(self):
        self.channel.basic_consume("invoices", on_message_callback=self.on_invoice)
        self.channel.basic_consume("receipts", on_message_callback=self.on_receipt)
        self.channel.basic_consume("audit", on_message_callback=self.on_audit, auto_ack=True)  # expect: ack-before-processing
        self.channel.start_consuming()

    def on_invoice(self, ch, method, properties, body):
        ch.basic_ack(delivery_tag=method.delivery_tag)  # expect: ack-before-processing
        invoice = json.loads(body)
        requests.post("https://erp.example-corp.com/invoices", json=invoice, timeout=10)

    def on_receipt(self, ch, method, properties, body):
        try:
            receipt = json.loads(body)
            requests.post("https://erp.example-corp.com/receipts", json=receipt, timeout=10).raise_for_status()
        except requests.RequestException:
            if method.redelivered:
                ch.basic_reject(delivery_tag=method.delivery_tag, requeue=False)
            else:
                ch.basic_nack(delivery_tag=method.delivery_tag, requeue=True)
            return
        ch.basic_ack(delivery_tag=method.delivery_tag)

    def on_audit(self, ch, method, properties, body):
        try:
            record = json.loads(body)
            requests.post("https://audit.example-corp.com/records", json=record, timeout=5)
        except Exception:  # expect: swallowed-message-error
            log.exception("audit record failed")
