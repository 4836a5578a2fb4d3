"""Pub/Sub and SQS/SNS publishing for the notifications service."""
from __future__ import annotations

import json
import logging
import os

import boto3
from aiobotocore.session import get_session
from google.cloud import pubsub_v1

log = logging.getLogger(__name__)
publisher = pubsub_v1.PublisherClient()
TOPIC = publisher.topic_path(os.environ["GCP_PROJECT"], "notifications")
sns = boto3.client("sns")
sqs = boto3.client("sqs")


def _log_publish_result(future) -> None:
    try:
        log.debug("published %s", future.result())
    except Exception:
        log.exception("pubsub publish failed")


def notify(user_id: str, kind: str) -> None:
    publisher.publish(TOPIC, json.dumps({"user": user_id, "kind": kind}).encode())  # expect: unawaited-publish


def notify_tracked(user_id: str, kind: str) -> None:
    future = publisher.publish(TOPIC, json.dumps({"user": user_id, "kind": kind}).encode(), origin="api")
    future.add_done_callback(_log_publish_result)


def notify_blocking(user_id: str, kind: str) -> str:
    return publisher.publish(TOPIC, json.dumps({"user": user_id, "kind": kind}).encode()).result(timeout=30)


def fan_out_sns(message: dict) -> None:
    sns.publish(TopicArn=os.environ["FANOUT_TOPIC_ARN"], Message=json.dumps(message))


def enqueue_sync(message: dict) -> None:
    sqs.send_message(QueueUrl=os.environ["DIGEST_QUEUE_URL"], MessageBody=json.dumps(message))


async def enqueue_async(message: dict) -> None:
    session = get_session()
    async with session.create_client("sqs", region_name="eu-west-1") as client:
        client.send_message(QueueUrl=os.environ["DIGEST_QUEUE_URL"], MessageBody=json.dumps(message))  # expect: unawaited-publish


async def enqueue_async_awaited(message: dict) -> None:
    session = get_session()
    async with session.create_client("sqs", region_name="eu-west-1") as client:
        await client.send_message(QueueUrl=os.environ["DIGEST_QUEUE_URL"], MessageBody=json.dumps(message))
