import json
import logging
import os

import pika

from orders.service import OrderRejected, process_order, process_refund, record_audit, record_metric, render_invoice

log = logging.getLogger(__name__)


def on_message(ch, method, properties, body):
    ch.basic_ack(delivery_tag=method.delivery_tag)  # expect: ack-before-processing
    order = json.loads(body)
    process_order(order)


def on_refund(ch, method, properties, body):
    try:
        process_refund(json.loads(body))
    except OrderRejected:
        ch.basic_nack(delivery_tag=method.delivery_tag, requeue=False)
        return
    except Exception:
        log.exception("refund failed")
        ch.basic_nack(delivery_tag=method.delivery_tag)  # expect: poison-message-requeue
        return
    ch.basic_ack(delivery_tag=method.delivery_tag)


def on_invoice(ch, method, properties, body):
    try:
        render_invoice(json.loads(body))
    except Exception:  # expect: swallowed-message-error
        log.exception("invoice render failed")
    ch.basic_ack(delivery_tag=method.delivery_tag)


def on_audit(ch, method, properties, body):
    try:
        record_audit(json.loads(body))
    except Exception:
        if method.redelivered:
            ch.basic_reject(delivery_tag=method.delivery_tag, requeue=False)
        else:
            ch.basic_reject(delivery_tag=method.delivery_tag, requeue=True)
        return
    ch.basic_ack(delivery_tag=method.delivery_tag)


def on_metric(ch, method, properties, body):
    record_metric(json.loads(body))


def main():
    connection = pika.BlockingConnection(pika.URLParameters(os.environ["AMQP_URL"]))
    channel = connection.channel()
    channel.basic_qos(prefetch_count=10)
    channel.basic_consume("orders", on_message_callback=on_message)
    channel.basic_consume("refunds", on_message_callback=on_refund)
    channel.basic_consume("invoices", on_message_callback=on_invoice)
    channel.basic_consume("audit", on_message_callback=on_audit)
    channel.basic_consume("metrics", on_message_callback=on_metric, auto_ack=True)  # expect: ack-before-processing
    try:
        channel.start_consuming()
    except KeyboardInterrupt:
        channel.stop_consuming()
    connection.close()


if __name__ == "__main__":
    main()
