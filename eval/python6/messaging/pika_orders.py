"""Order events consumer (RabbitMQ, pika BlockingConnection)."""
import json
import logging

import pika

from .orders import OrderError, apply_order_event, send_receipt

log = logging.getLogger(__name__)

params = pika.URLParameters("amqps://orders:Qz7-mK2p-Vw9x@mq.acme-orders.com:5671/%2F")  # expect: hardcoded-credential
connection = pika.BlockingConnection(params)
channel = connection.channel()
channel.basic_qos(prefetch_count=20)


def on_order(ch, method, properties, body):
    event = json.loads(body)
    try:
        apply_order_event(event)
    except OrderError:
        log.exception("order event %s failed", event.get("id"))
        ch.basic_nack(delivery_tag=method.delivery_tag)  # expect: poison-message-requeue
        return
    ch.basic_ack(delivery_tag=method.delivery_tag)


def on_receipt(ch, method, properties, body):
    ch.basic_ack(delivery_tag=method.delivery_tag)  # expect: ack-before-processing
    receipt = json.loads(body)
    send_receipt(receipt["email"], receipt["order"])


def on_refund(ch, method, properties, body):
    try:
        apply_order_event(json.loads(body))
    except OrderError:  # expect: swallowed-message-error
        log.error("refund event dropped: %s", body[:200])
    ch.basic_ack(delivery_tag=method.delivery_tag)


def on_audit(ch, method, properties, body):
    try:
        apply_order_event(json.loads(body))
    except Exception:
        if method.redelivered:
            ch.basic_reject(delivery_tag=method.delivery_tag, requeue=False)
        else:
            ch.basic_reject(delivery_tag=method.delivery_tag, requeue=True)
        return
    ch.basic_ack(delivery_tag=method.delivery_tag)


channel.basic_consume(queue="orders", on_message_callback=on_order)
channel.basic_consume(queue="receipts", on_message_callback=on_receipt)
channel.basic_consume(queue="refunds", on_message_callback=on_refund)
channel.basic_consume(queue="audit", on_message_callback=on_audit)
channel.basic_consume(queue="metrics", on_message_callback=lambda ch, m, p, b: None, auto_ack=True)  # expect: ack-before-processing
channel.start_consuming()
