import json
import logging
import os

import pika

from exports import handle_export, handle_ping

log = logging.getLogger(__name__)


def drain(queue_name: str) -> None:
    connection = pika.BlockingConnection(pika.ConnectionParameters(host=os.environ["AMQP_HOST"]))
    channel = connection.channel()
    for method, properties, body in channel.consume(queue_name, inactivity_timeout=30):
        if method is None:
            break
        try:
            handle_export(json.loads(body))
        except Exception:  # expect: swallowed-message-error
            log.exception("export failed")
        channel.basic_ack(method.delivery_tag)
    channel.cancel()
    connection.close()


def drain_pings(queue_name: str) -> None:
    connection = pika.BlockingConnection(pika.ConnectionParameters(host=os.environ["AMQP_HOST"]))
    channel = connection.channel()
    for method, properties, body in channel.consume(queue_name, auto_ack=True, inactivity_timeout=5):  # expect: ack-before-processing
        if method is None:
            break
        handle_ping(json.loads(body))
    connection.close()


def drain_safely(queue_name: str) -> None:
    connection = pika.BlockingConnection(pika.ConnectionParameters(host=os.environ["AMQP_HOST"]))
    channel = connection.channel()
    for method, properties, body in channel.consume(queue_name, inactivity_timeout=30):
        if method is None:
            break
        try:
            handle_export(json.loads(body))
        except Exception:
            log.exception("export failed, dead-lettering")
            channel.basic_nack(method.delivery_tag, requeue=False)
            continue
        channel.basic_ack(method.delivery_tag)
    connection.close()
