"""Geo index updater: a blocking consume loop, reconnecting when RabbitMQ goes away."""
import json
import logging
import time

import pika
from pika.exceptions import AMQPConnectionError

from geo.index import IndexUnavailable, geo_index
from geo.settings import RABBIT_HOST

log = logging.getLogger(__name__)


def consume_updates(channel) -> None:
    for method, properties, body in channel.consume("geo.updates", inactivity_timeout=30):
        if method is None:
            continue
        try:
            update = json.loads(body)
            geo_index.apply(update)
        except json.JSONDecodeError:
            channel.basic_reject(method.delivery_tag, requeue=False)
            continue
        except IndexUnavailable:
            log.warning("index unavailable, requeueing %s", method.delivery_tag)
            channel.basic_reject(delivery_tag=method.delivery_tag)  # expect: poison-message-requeue
            continue
        channel.basic_ack(method.delivery_tag)


def consume_pings(channel) -> None:
    for method, properties, body in channel.consume("geo.pings", auto_ack=True, inactivity_timeout=5):  # expect: ack-before-processing
        if method is None:
            break
        geo_index.touch(json.loads(body)["device_id"])


def run_forever() -> None:
    while True:  # expect: retry-without-backoff, unbounded-retry
        try:
            connection = pika.BlockingConnection(pika.ConnectionParameters(host=RABBIT_HOST))
            channel = connection.channel()
            channel.basic_qos(prefetch_count=50)
            consume_updates(channel)
        except AMQPConnectionError:
            log.warning("lost RabbitMQ connection, reconnecting in 5s")
            time.sleep(5)
