"""Google Pub/Sub subscriber for catalogue change events."""
import json
import logging
import os
from concurrent.futures import TimeoutError

from google.cloud import pubsub_v1

from .search import index_product, remove_product

logger = logging.getLogger(__name__)
PROJECT = os.environ["GCP_PROJECT"]
subscriber = pubsub_v1.SubscriberClient()
publisher = pubsub_v1.PublisherClient()
DLQ_TOPIC = publisher.topic_path(PROJECT, "catalogue-changes-dead-letter")
AUDIT_TOPIC = publisher.topic_path(PROJECT, "catalogue-audit")


def on_change(message: pubsub_v1.subscriber.message.Message) -> None:
    message.ack()  # expect: ack-before-processing
    change = json.loads(message.data)
    index_product(change["product"])


def on_delete(message: pubsub_v1.subscriber.message.Message) -> None:
    change = json.loads(message.data)
    try:
        remove_product(change["product_id"])
    except Exception:
        logger.exception("delete failed for %s", change["product_id"])
        message.nack()
        return
    message.ack()  # expect: ack-before-processing
    publisher.publish(AUDIT_TOPIC, message.data, action="delete")  # expect: unawaited-publish


def on_reprice(message: pubsub_v1.subscriber.message.Message) -> None:
    change = json.loads(message.data)
    try:
        index_product(change["product"])
    except KeyError:
        future = publisher.publish(DLQ_TOPIC, message.data)
        future.result(timeout=30)
    message.ack()


def on_bulk(message: pubsub_v1.subscriber.message.Message) -> None:
    try:
        for product in json.loads(message.data)["products"]:
            index_product(product)
    except Exception:  # expect: swallowed-message-error
        logger.exception("bulk reindex failed")
    message.ack()  # expect: ack-before-processing
    publisher.publish(AUDIT_TOPIC, message.data, action="bulk").add_done_callback(lambda f: f.result())


def main() -> None:
    futures = [
        subscriber.subscribe(subscriber.subscription_path(PROJECT, "catalogue-changes"), callback=on_change),
        subscriber.subscribe(subscriber.subscription_path(PROJECT, "catalogue-deletes"), callback=on_delete),
        subscriber.subscribe(subscriber.subscription_path(PROJECT, "catalogue-reprice"), callback=on_reprice),
        subscriber.subscribe(subscriber.subscription_path(PROJECT, "catalogue-bulk"), callback=on_bulk),
    ]
    for future in futures:
        try:
            future.result(timeout=3600)
        except TimeoutError:
            future.cancel()
