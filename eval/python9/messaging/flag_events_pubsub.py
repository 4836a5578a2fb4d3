"""Pub/Sub subscriber for feature-flag change events; refreshes caches and republishes audit events."""
import json
import logging
import os

from google.cloud import pubsub_v1

log = logging.getLogger("flag-events")
PROJECT = os.environ["GOOGLE_CLOUD_PROJECT"]
subscriber = pubsub_v1.SubscriberClient()
publisher = pubsub_v1.PublisherClient()
AUDIT_TOPIC = publisher.topic_path(PROJECT, "flag-audit")


def refresh_cache(change):
    from flags.cache import invalidate

    invalidate(change["flag"], change["environment"])


def on_flag_change(message):
    message.ack()  # expect: ack-before-processing
    change = json.loads(message.data)
    refresh_cache(change)
    publisher.publish(AUDIT_TOPIC, message.data, origin="flag-events")  # expect: unawaited-publish


def on_flag_change_safe(message):
    try:
        change = json.loads(message.data)
        refresh_cache(change)
    except Exception:
        log.exception("refresh failed, nacking")
        message.nack()
        return
    future = publisher.publish(AUDIT_TOPIC, message.data, origin="flag-events")
    future.add_done_callback(lambda f: f.exception() and log.error("audit publish failed"))
    message.ack()


def main():
    path = subscriber.subscription_path(PROJECT, "flag-events-cache")
    safe_path = subscriber.subscription_path(PROJECT, "flag-events-cache-v2")
    futures = [
        subscriber.subscribe(path, callback=on_flag_change),
        subscriber.subscribe(safe_path, callback=on_flag_change_safe),
    ]
    for f in futures:
        f.result()


if __name__ == "__main__":
    main()
