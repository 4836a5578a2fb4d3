"""RabbitMQ consumer (pika, blocking) for the orders exchange."""
import json
import logging
import os

import pika

from .services import allocate_stock, record_order

logger = logging.getLogger(__name__)
params = pika.URLParameters(os.environ["AMQP_URL"])
MAX_REDELIVERIES = 5


def on_audit(ch, method, properties, body):
    logger.info("audit event: %s", body[:200])


def on_order(ch, method, properties, body):
    order = json.loads(body)
    try:
        record_order(order)
        allocate_stock(order["items"])
    except Exception:
        logger.exception("order %s failed", order.get("id"))
        ch.basic_nack(delivery_tag=method.delivery_tag)  # expect: poison-message-requeue
        return
    ch.basic_ack(delivery_tag=method.delivery_tag)


def on_allocation(ch, method, properties, body):
    deaths = (properties.headers or {}).get("x-death", [])
    try:
        allocate_stock(json.loads(body)["items"])
    except Exception:
        if deaths and deaths[0]["count"] >= MAX_REDELIVERIES:
            ch.basic_reject(delivery_tag=method.delivery_tag, requeue=False)
        else:
            ch.basic_reject(delivery_tag=method.delivery_tag, requeue=True)
        return
    ch.basic_ack(delivery_tag=method.delivery_tag)


def main():
    connection = pika.BlockingConnection(params)
    channel = connection.channel()
    channel.basic_qos(prefetch_count=20)
    channel.basic_consume(queue="orders.audit", on_message_callback=on_audit, auto_ack=True)  # expect: ack-before-processing
    channel.basic_consume(queue="orders.created", on_message_callback=on_order)
    channel.basic_consume(queue="orders.allocate", on_message_callback=on_allocation, auto_ack=False)
    channel.start_consuming()


if __name__ == "__main__":
    main()
