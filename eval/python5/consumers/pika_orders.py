"""RabbitMQ order consumer (pika, blocking connection)."""
from __future__ import annotations

import json
import logging
import os

import pika

from orders.service import OrderRejected, TemporaryFailure, fulfil_order, reserve_stock

log = logging.getLogger("orders.consumer")


def on_order(ch, method, properties, body: bytes) -> None:
    ch.basic_ack(delivery_tag=method.delivery_tag)  # expect: ack-before-processing
    order = json.loads(body)
    fulfil_order(order)


def on_reservation(ch, method, properties, body: bytes) -> None:
    try:
        payload = json.loads(body)
    except json.JSONDecodeError:
        ch.basic_reject(delivery_tag=method.delivery_tag, requeue=False)
        return
    try:
        reserve_stock(payload["sku"], payload["qty"])
    except OrderRejected:
        ch.basic_nack(delivery_tag=method.delivery_tag, requeue=False)
        return
    except TemporaryFailure:
        if method.redelivered:
            ch.basic_reject(delivery_tag=method.delivery_tag, requeue=False)
        else:
            ch.basic_nack(delivery_tag=method.delivery_tag, requeue=True)
        return
    ch.basic_ack(delivery_tag=method.delivery_tag)


def on_cancellation(ch, method, properties, body: bytes) -> None:
    try:
        cancel = json.loads(body)
        fulfil_order({"id": cancel["order_id"], "cancel": True})
    except Exception:
        log.exception("cancellation failed")
        ch.basic_nack(delivery_tag=method.delivery_tag)  # expect: poison-message-requeue
        return
    ch.basic_ack(delivery_tag=method.delivery_tag)


def on_invoice_paid(ch, method, properties, body: bytes) -> None:
    try:
        fulfil_order(json.loads(body))
    except Exception:  # expect: swallowed-message-error
        log.exception("invoice-paid processing failed")
    ch.basic_ack(delivery_tag=method.delivery_tag)


def main() -> None:
    params = pika.URLParameters(os.environ["AMQP_URL"])
    connection = pika.BlockingConnection(params)
    channel = connection.channel()
    channel.basic_qos(prefetch_count=20)
    channel.basic_consume(queue="orders.new", on_message_callback=on_order)
    channel.basic_consume(queue="orders.reservations", on_message_callback=on_reservation)
    channel.basic_consume(queue="orders.cancellations", on_message_callback=on_cancellation)
    channel.basic_consume(queue="billing.invoice-paid", on_message_callback=on_invoice_paid)
    channel.start_consuming()


if __name__ == "__main__":
    main()
