"""Batch importer that drains a queue with channel.consume()."""
import json
import logging
import os

import pika

from .catalog import ImportError_, upsert_product

log = logging.getLogger(__name__)

credentials = pika.PlainCredentials("importer", os.environ["RABBIT_PASSWORD"])
connection = pika.BlockingConnection(pika.ConnectionParameters("mq.catalog.internal", credentials=credentials))
channel = connection.channel()


def drain() -> None:
    for method, properties, body in channel.consume("product-imports", inactivity_timeout=30):
        if method is None:
            break
        try:
            upsert_product(json.loads(body))
        except ImportError_:
            deaths = (properties.headers or {}).get("x-death", [])
            requeue = len(deaths) < 3
            channel.basic_nack(method.delivery_tag, requeue=requeue)
            continue
        channel.basic_ack(method.delivery_tag)


def drain_prices() -> None:
    for method, properties, body in channel.consume("price-imports", auto_ack=True):  # expect: ack-before-processing
        try:
            upsert_product(json.loads(body))
        except ImportError_:  # expect: swallowed-message-error
            log.warning("price update skipped")


def drain_images() -> None:
    for method, properties, body in channel.consume("image-imports"):
        try:
            upsert_product(json.loads(body))
        except ImportError_:
            channel.basic_publish(exchange="", routing_key="image-imports.dlq", body=body)
        channel.basic_ack(method.delivery_tag)
