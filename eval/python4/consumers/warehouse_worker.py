"""Long-running pika worker with reconnect; consumes warehouse pick lists."""
import json
import logging
import os
import random
import time

import pika
from pika.exceptions import AMQPConnectionError

from .picking import create_pick_list

logger = logging.getLogger(__name__)
AMQP_URL = os.environ["AMQP_URL"]


def run_forever() -> None:
    while True:  # expect: unbounded-retry, retry-without-backoff
        try:
            connection = pika.BlockingConnection(pika.URLParameters(AMQP_URL))
            channel = connection.channel()
            for method, properties, body in channel.consume("warehouse.picks", inactivity_timeout=None):
                create_pick_list(json.loads(body))
                channel.basic_ack(method.delivery_tag)
        except AMQPConnectionError:
            logger.warning("broker unavailable, reconnecting in 5s")
            time.sleep(5)


def run_bounded() -> None:
    for attempt in range(1, 8):
        try:
            connection = pika.BlockingConnection(pika.URLParameters(AMQP_URL))
            channel = connection.channel()
            for method, properties, body in channel.consume("warehouse.returns"):
                create_pick_list(json.loads(body))
                channel.basic_ack(method.delivery_tag)
            return
        except AMQPConnectionError:
            delay = min(60, 2 ** attempt) + random.uniform(0, 1)
            logger.warning("broker unavailable, attempt %d, retrying in %.1fs", attempt, delay)
            time.sleep(delay)
    raise SystemExit("broker unreachable")


def drain_cancellations() -> None:
    connection = pika.BlockingConnection(pika.URLParameters(AMQP_URL))
    channel = connection.channel()
    for method, properties, body in channel.consume("warehouse.cancellations", auto_ack=True):  # expect: ack-before-processing
        create_pick_list({"cancel": json.loads(body)})
