"""Google Pub/Sub subscribers and publishers of the inventory service."""
import json
import logging
import os
from concurrent import futures

from google.cloud import pubsub_v1

from inventory.store import adjust_stock, record_count

log = logging.getLogger(__name__)

PROJECT = os.environ["GCP_PROJECT"]
subscriber = pubsub_v1.SubscriberClient()
publisher = pubsub_v1.PublisherClient()
ADJUSTED_TOPIC = publisher.topic_path(PROJECT, "stock-adjusted")
LOW_STOCK_TOPIC = publisher.topic_path(PROJECT, "low-stock")


def on_adjustment(message: pubsub_v1.subscriber.message.Message) -> None:
    message.ack()  # expect: ack-before-processing
    change = json.loads(message.data)
    adjust_stock(change["sku"], change["delta"])


def on_count(message: pubsub_v1.subscriber.message.Message) -> None:
    count = json.loads(message.data)
    try:
        level = record_count(count["sku"], count["qty"])
    except Exception:
        log.exception("count for %s failed", count["sku"])
        message.nack()
        return
    if level < 5:
        publisher.publish(LOW_STOCK_TOPIC, json.dumps({"sku": count["sku"]}).encode())  # expect: unawaited-publish
    message.ack()


def on_recount(message: pubsub_v1.subscriber.message.Message) -> None:
    count = json.loads(message.data)
    try:
        record_count(count["sku"], count["qty"])
    except Exception:  # expect: swallowed-message-error
        log.exception("recount for %s failed", count["sku"])
    message.ack()


def publish_adjusted(sku: str, delta: int) -> str:
    future = publisher.publish(ADJUSTED_TOPIC, json.dumps({"sku": sku, "delta": delta}).encode())
    return future.result(timeout=30)


def publish_adjusted_async(sku: str, delta: int) -> None:
    publisher.publish(ADJUSTED_TOPIC, json.dumps({"sku": sku, "delta": delta}).encode()).add_done_callback(
        lambda f: log.info("published %s", f.result())
    )


def main() -> None:
    sub = subscriber.subscription_path(PROJECT, "inventory-adjustments")
    counts = subscriber.subscription_path(PROJECT, "inventory-counts")
    recounts = subscriber.subscription_path(PROJECT, "inventory-recounts")
    streams = [
        subscriber.subscribe(sub, callback=on_adjustment),
        subscriber.subscribe(counts, callback=on_count),
        subscriber.subscribe(recounts, callback=on_recount),
    ]
    try:
        futures.wait([s for s in streams], return_when=futures.FIRST_EXCEPTION)
    finally:
        for s in streams:
            s.cancel()
