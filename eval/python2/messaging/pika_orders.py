"""RabbitMQ consumer that places and refunds orders."""
import json
import logging
import os

import pika

from orders.service import OrderService, ValidationError

log = logging.getLogger(__name__)
service = OrderService()


def on_order(ch, method, properties, body):
    try:
        order = json.loads(body)
        service.place(order)
    except ValidationError as exc:
        log.warning("invalid order: %s", exc)
        ch.basic_reject(delivery_tag=method.delivery_tag, requeue=False)
        return
    except Exception:
        log.exception("order failed, putting it back")
        ch.basic_nack(delivery_tag=method.delivery_tag)  # expect: poison-message-requeue
        return
    ch.basic_ack(delivery_tag=method.delivery_tag)


def on_refund(ch, method, properties, body):
    try:
        service.refund(json.loads(body))
    except Exception:
        log.exception("refund failed (redelivered=%s)", method.redelivered)
        if method.redelivered:
            ch.basic_nack(delivery_tag=method.delivery_tag, requeue=False)
        else:
            ch.basic_nack(delivery_tag=method.delivery_tag, requeue=True)
        return
    ch.basic_ack(method.delivery_tag)


def main() -> None:
    connection = pika.BlockingConnection(pika.URLParameters(os.environ["AMQP_URL"]))
    channel = connection.channel()
    channel.basic_qos(prefetch_count=10)
    channel.queue_declare(queue="orders", durable=True, arguments={"x-dead-letter-exchange": "orders.dlx"})
    channel.basic_consume(queue="orders", on_message_callback=on_order)
    channel.basic_consume(queue="refunds", on_message_callback=on_refund)
    try:
        channel.start_consuming()
    except KeyboardInterrupt:
        channel.stop_consuming()
    connection.close()


if __name__ == "__main__":
    main()
