import json
import logging
import os
from concurrent.futures import TimeoutError

from google.cloud import pubsub_v1

from invoices import enrich, record, store_invoice

log = logging.getLogger(__name__)
PROJECT = os.environ["GOOGLE_CLOUD_PROJECT"]
subscriber = pubsub_v1.SubscriberClient()
publisher = pubsub_v1.PublisherClient()
ENRICHED_TOPIC = publisher.topic_path(PROJECT, "invoices-enriched")


def callback(message: pubsub_v1.subscriber.message.Message) -> None:
    message.ack()  # expect: ack-before-processing
    invoice = json.loads(message.data)
    store_invoice(invoice)


def audit_callback(message: pubsub_v1.subscriber.message.Message) -> None:
    try:
        record(json.loads(message.data))
    except Exception:  # expect: swallowed-message-error
        log.exception("audit failed")
    message.ack()


def enrich_callback(message: pubsub_v1.subscriber.message.Message) -> None:
    try:
        enriched = enrich(json.loads(message.data))
    except Exception:
        log.exception("enrich failed")
        message.nack()
        return
    publisher.publish(ENRICHED_TOPIC, json.dumps(enriched).encode())  # expect: unawaited-publish
    message.ack()


def republish(message: pubsub_v1.subscriber.message.Message) -> None:
    publisher.publish(ENRICHED_TOPIC, message.data, origin="replay").result(timeout=30)
    message.ack()


def main() -> None:
    futures = [
        subscriber.subscribe(subscriber.subscription_path(PROJECT, "invoices-sub"), callback=callback),
        subscriber.subscribe(subscriber.subscription_path(PROJECT, "audit-sub"), callback=audit_callback),
        subscriber.subscribe(subscriber.subscription_path(PROJECT, "enrich-sub"), callback=enrich_callback),
        subscriber.subscribe(subscriber.subscription_path(PROJECT, "replay-sub"), callback=republish),
    ]
    with subscriber:
        for future in futures:
            try:
                future.result()
            except TimeoutError:
                future.cancel()
