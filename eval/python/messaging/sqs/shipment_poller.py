"""Polls the shipment-events queue and updates tracking (boto3 SQS client)."""
import json
import logging
import os

import boto3

from tracking.store import apply_event, archive_raw

log = logging.getLogger(__name__)

sqs = boto3.client("sqs", region_name=os.environ.get("AWS_REGION", "eu-west-1"))
QUEUE_URL = os.environ["SHIPMENT_EVENTS_QUEUE_URL"]
ARCHIVE_QUEUE_URL = os.environ["SHIPMENT_ARCHIVE_QUEUE_URL"]
DLQ_URL = os.environ["SHIPMENT_EVENTS_DLQ_URL"]


def poll_tracking() -> None:
    while True:
        resp = sqs.receive_message(QueueUrl=QUEUE_URL, MaxNumberOfMessages=10, WaitTimeSeconds=20)
        for m in resp.get("Messages", []):
            sqs.delete_message(QueueUrl=QUEUE_URL, ReceiptHandle=m["ReceiptHandle"])  # expect: ack-before-processing
            apply_event(json.loads(m["Body"]))


def poll_tracking_safely() -> None:
    while True:
        resp = sqs.receive_message(QueueUrl=QUEUE_URL, MaxNumberOfMessages=10, WaitTimeSeconds=20)
        for m in resp.get("Messages", []):
            try:
                apply_event(json.loads(m["Body"]))
            except Exception:
                log.exception("event %s failed; it will be redelivered", m["MessageId"])
                continue
            sqs.delete_message(QueueUrl=QUEUE_URL, ReceiptHandle=m["ReceiptHandle"])


def poll_archive() -> None:
    while True:
        messages = sqs.receive_message(QueueUrl=ARCHIVE_QUEUE_URL, WaitTimeSeconds=20)["Messages"]
        for m in messages:
            try:
                archive_raw(m["Body"])
            except Exception:  # expect: swallowed-message-error
                log.warning("archive write failed for %s", m["MessageId"])
            sqs.delete_message(QueueUrl=ARCHIVE_QUEUE_URL, ReceiptHandle=m["ReceiptHandle"])


def poll_with_dlq() -> None:
    while True:
        resp = sqs.receive_message(QueueUrl=QUEUE_URL, MaxNumberOfMessages=10, WaitTimeSeconds=20)
        for m in resp.get("Messages", []):
            try:
                apply_event(json.loads(m["Body"]))
            except Exception:
                log.exception("moving %s to the dead-letter queue", m["MessageId"])
                sqs.send_message(QueueUrl=DLQ_URL, MessageBody=m["Body"])
            sqs.delete_message(QueueUrl=QUEUE_URL, ReceiptHandle=m["ReceiptHandle"])


def publish_event(event: dict) -> None:
    sqs.send_message(QueueUrl=QUEUE_URL, MessageBody=json.dumps(event))
