"""Google Cloud Pub/Sub pull subscriber for user lifecycle events."""
from __future__ import annotations

import json
import logging
import os
from concurrent.futures import TimeoutError as FuturesTimeout

from google.cloud import pubsub_v1

from users.lifecycle import apply_lifecycle_event

log = logging.getLogger(__name__)
PROJECT = os.environ["GCP_PROJECT"]
subscriber = pubsub_v1.SubscriberClient()
publisher = pubsub_v1.PublisherClient()
DEAD_LETTER_TOPIC = publisher.topic_path(PROJECT, "user-lifecycle-dead-letter")


def on_signup(message: pubsub_v1.subscriber.message.Message) -> None:
    message.ack()  # expect: ack-before-processing
    apply_lifecycle_event(json.loads(message.data))


def on_deletion(message) -> None:
    try:
        apply_lifecycle_event(json.loads(message.data))
    except Exception:
        log.exception("deletion failed, redelivering")
        message.nack()
        return
    message.ack()


def on_profile_update(message) -> None:
    try:
        apply_lifecycle_event(json.loads(message.data))
    except Exception:  # expect: swallowed-message-error
        log.exception("profile update failed")
    message.ack()


def on_consent(message) -> None:
    try:
        apply_lifecycle_event(json.loads(message.data))
    except Exception:
        publisher.publish(DEAD_LETTER_TOPIC, message.data, reason="consent-failed").result(timeout=30)
    message.ack()


def main() -> None:
    futures = [
        subscriber.subscribe(subscriber.subscription_path(PROJECT, "signup-worker"), callback=on_signup),
        subscriber.subscribe(subscriber.subscription_path(PROJECT, "deletion-worker"), callback=on_deletion),
        subscriber.subscribe(subscriber.subscription_path(PROJECT, "profile-worker"), callback=on_profile_update),
        subscriber.subscribe(subscriber.subscription_path(PROJECT, "consent-worker"), callback=on_consent),
    ]
    with subscriber:
        for future in futures:
            try:
                future.result(timeout=3600)
            except FuturesTimeout:
                future.cancel()
                future.result()
