"""Consumes order-placed events and reserves stock (pika, blocking connection)."""
import json
import logging
import os

import pika

from fulfilment.stock import OutOfStock, reserve_stock
from fulfilment.notify import notify_customer

logger = logging.getLogger(__name__)

params = pika.URLParameters(os.environ["AMQP_URL"])
connection = pika.BlockingConnection(params)
channel = connection.channel()
channel.basic_qos(prefetch_count=20)


def on_order_placed(ch, method, properties, body):
    ch.basic_ack(delivery_tag=method.delivery_tag)  # expect: ack-before-processing
    order = json.loads(body)
    reserve_stock(order["order_id"], order["lines"])


def on_order_cancelled(ch, method, properties, body):
    order = json.loads(body)
    try:
        reserve_stock(order["order_id"], [])
    except OutOfStock:
        ch.basic_nack(delivery_tag=method.delivery_tag, requeue=False)
        return
    except Exception:
        logger.exception("cancel failed for %s", order["order_id"])
        ch.basic_nack(delivery_tag=method.delivery_tag)  # expect: poison-message-requeue
        return
    ch.basic_ack(delivery_tag=method.delivery_tag)


def on_order_amended(ch, method, properties, body):
    order = json.loads(body)
    try:
        reserve_stock(order["order_id"], order["lines"])
    except Exception:
        if method.redelivered:
            logger.error("amendment %s failed twice, dropping to DLX", order["order_id"])
            ch.basic_reject(delivery_tag=method.delivery_tag, requeue=False)
        else:
            ch.basic_reject(delivery_tag=method.delivery_tag, requeue=True)
        return
    ch.basic_ack(delivery_tag=method.delivery_tag)


def on_order_shipped(ch, method, properties, body):
    order = json.loads(body)
    try:
        notify_customer(order["customer_id"], "shipped", order["order_id"])
    finally:
        ch.basic_ack(delivery_tag=method.delivery_tag)


def on_order_backordered(ch, method, properties, body):
    order = json.loads(body)
    if order.get("lines") is None:
        ch.basic_reject(delivery_tag=method.delivery_tag)  # expect: poison-message-requeue
        return
    reserve_stock(order["order_id"], order["lines"])
    ch.basic_ack(delivery_tag=method.delivery_tag)


channel.basic_consume(queue="orders.placed", on_message_callback=on_order_placed)
channel.basic_consume(queue="orders.cancelled", on_message_callback=on_order_cancelled)
channel.basic_consume(queue="orders.amended", on_message_callback=on_order_amended)
channel.basic_consume(queue="orders.shipped", on_message_callback=on_order_shipped)
channel.basic_consume(queue="orders.backordered", on_message_callback=on_order_backordered)

if __name__ == "__main__":
    channel.start_consuming()
