"""Order-event publisher (Pub/Sub) and the SNS fan-out kept for the legacy consumers."""
import json
import logging

import boto3
from google.cloud import pubsub_v1

from orders.settings import PROJECT_ID, SNS_TOPIC_ARN

log = logging.getLogger(__name__)
publisher = pubsub_v1.PublisherClient()
topic_path = publisher.topic_path(PROJECT_ID, "order-events")
sns = boto3.client("sns")


def _log_failure(future) -> None:
    if future.exception() is not None:
        log.error("order event not published: %s", future.exception())


def order_placed(order: dict) -> None:
    publisher.publish(topic_path, json.dumps(order).encode(), kind="placed")  # expect: unawaited-publish


def order_paid(order: dict) -> None:
    future = publisher.publish(topic_path, json.dumps(order).encode(), kind="paid")
    future.add_done_callback(_log_failure)


def order_shipped(order: dict) -> str:
    return publisher.publish(topic_path, json.dumps(order).encode(), kind="shipped").result(timeout=30)


def order_cancelled(order: dict) -> None:
    publisher.publish(topic_path, json.dumps(order).encode(), kind="cancelled").result(timeout=30)


def backfill(orders: list[dict]) -> None:
    futures = [publisher.publish(topic_path, json.dumps(o).encode(), kind="backfill") for o in orders]
    for future in futures:
        future.result(timeout=60)


def legacy_fanout(order: dict) -> None:
    sns.publish(TopicArn=SNS_TOPIC_ARN, Message=json.dumps(order), MessageAttributes={
        "kind": {"DataType": "String", "StringValue": "placed"},
    })
