"""Delivers outgoing customer notifications queued on RabbitMQ (pika, select connection)."""
import json
import logging
import os

import pika
import requests

from delivery.endpoints import endpoint_for

log = logging.getLogger(__name__)

MAX_ATTEMPTS = 8
shutting_down = False


def _attempts(properties) -> int:
    return int((properties.headers or {}).get("x-delivery-count", 0))


def on_delivery(channel, method, properties, body):
    job = json.loads(body)
    if shutting_down:
        channel.basic_nack(delivery_tag=method.delivery_tag, requeue=True)
        return
    endpoint = endpoint_for(job["customer_id"])
    if endpoint is None:
        channel.basic_reject(delivery_tag=method.delivery_tag, requeue=True)  # expect: poison-message-requeue
        return
    try:
        resp = requests.post(endpoint.url, json=job["payload"], timeout=10)
        resp.raise_for_status()
    except requests.RequestException:
        if _attempts(properties) >= MAX_ATTEMPTS:
            channel.basic_reject(delivery_tag=method.delivery_tag, requeue=False)
        else:
            channel.basic_nack(delivery_tag=method.delivery_tag, requeue=True)
        return
    channel.basic_ack(delivery_tag=method.delivery_tag)


def on_replay(channel, method, properties, body):
    job = json.loads(body)
    try:
        resp = requests.post(endpoint_for(job["customer_id"]).url, json=job["payload"], timeout=10)
        resp.raise_for_status()
    except requests.RequestException as exc:
        log.warning("replay %s failed: %s", job["id"], exc)
        channel.basic_nack(method.delivery_tag, False, True)  # expect: poison-message-requeue
        return
    channel.basic_ack(method.delivery_tag)


def on_open(connection):
    connection.channel(on_open_callback=on_channel_open)


def on_channel_open(channel):
    channel.basic_qos(prefetch_count=16)
    channel.basic_consume(queue="notifications.deliver", on_message_callback=on_delivery)
    channel.basic_consume(queue="notifications.replay", on_message_callback=on_replay)


def main() -> None:
    params = pika.URLParameters(os.environ["AMQP_URL"])
    connection = pika.SelectConnection(params, on_open_callback=on_open)
    try:
        connection.ioloop.start()
    except KeyboardInterrupt:
        global shutting_down
        shutting_down = True
        connection.close()
        connection.ioloop.start()
