"""Pub/Sub streaming-pull subscriber for image moderation."""
import json
import logging
import os

from google.cloud import pubsub_v1

from moderation.service import moderate, ModerationUnavailable

logger = logging.getLogger(__name__)
PROJECT = os.environ["GOOGLE_CLOUD_PROJECT"]
subscriber = pubsub_v1.SubscriberClient()
publisher = pubsub_v1.PublisherClient()
RESULTS_TOPIC = publisher.topic_path(PROJECT, "moderation-results")


def _log_publish(future) -> None:
    if future.exception():
        logger.error("publish failed: %s", future.exception())


def on_upload(message: pubsub_v1.subscriber.message.Message) -> None:
    message.ack()  # expect: ack-before-processing
    upload = json.loads(message.data)
    verdict = moderate(upload["image_url"])
    publisher.publish(RESULTS_TOPIC, json.dumps({"id": upload["id"], "verdict": verdict}).encode())  # expect: unawaited-publish


def on_reupload(message: pubsub_v1.subscriber.message.Message) -> None:
    upload = json.loads(message.data)
    try:
        verdict = moderate(upload["image_url"])
    except ModerationUnavailable:
        message.nack()
        return
    future = publisher.publish(RESULTS_TOPIC, json.dumps({"id": upload["id"], "verdict": verdict}).encode())
    future.add_done_callback(_log_publish)
    message.ack()


def on_report(message: pubsub_v1.subscriber.message.Message) -> None:
    report = json.loads(message.data)
    try:
        moderate(report["image_url"], strict=True)
    except Exception:  # expect: swallowed-message-error
        logger.exception("report %s could not be moderated", report.get("id"))
    message.ack()


def main() -> None:
    futures = [
        subscriber.subscribe(subscriber.subscription_path(PROJECT, "uploads"), callback=on_upload),
        subscriber.subscribe(subscriber.subscription_path(PROJECT, "reuploads"), callback=on_reupload),
        subscriber.subscribe(subscriber.subscription_path(PROJECT, "reports"), callback=on_report),
    ]
    with subscriber:
        for future in futures:
            future.result()


if __name__ == "__main__":
    main()
