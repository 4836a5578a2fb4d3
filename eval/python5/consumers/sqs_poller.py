"""Long-polling SQS worker for fulfilment requests."""
from __future__ import annotations

import json
import logging
import os

import boto3

from fulfilment.service import fulfil, InvalidRequest

log = logging.getLogger(__name__)
sqs = boto3.client("sqs", region_name=os.environ.get("AWS_REGION", "eu-west-1"))
QUEUE_URL = os.environ["FULFILMENT_QUEUE_URL"]
EXPORT_QUEUE = boto3.resource("sqs").Queue(os.environ["EXPORT_QUEUE_URL"])


def poll_once() -> None:
    resp = sqs.receive_message(QueueUrl=QUEUE_URL, MaxNumberOfMessages=10, WaitTimeSeconds=20)
    for m in resp.get("Messages", []):
        try:
            fulfil(json.loads(m["Body"]))
        except InvalidRequest:
            log.exception("invalid fulfilment request %s", m["MessageId"])
            continue
        sqs.delete_message(QueueUrl=QUEUE_URL, ReceiptHandle=m["ReceiptHandle"])


def poll_eager() -> None:
    resp = sqs.receive_message(QueueUrl=QUEUE_URL, MaxNumberOfMessages=10, WaitTimeSeconds=20)
    for m in resp["Messages"]:
        sqs.delete_message(QueueUrl=QUEUE_URL, ReceiptHandle=m["ReceiptHandle"])  # expect: ack-before-processing
        fulfil(json.loads(m["Body"]))


def poll_swallowing() -> None:
    resp = sqs.receive_message(QueueUrl=QUEUE_URL, MaxNumberOfMessages=10, WaitTimeSeconds=20)
    for m in resp.get("Messages", []):
        try:
            fulfil(json.loads(m["Body"]))
        except Exception:  # expect: swallowed-message-error
            log.exception("fulfilment failed")
        sqs.delete_message(QueueUrl=QUEUE_URL, ReceiptHandle=m["ReceiptHandle"])


def drain_exports() -> None:
    for message in EXPORT_QUEUE.receive_messages(MaxNumberOfMessages=10, WaitTimeSeconds=10):
        message.delete()  # expect: ack-before-processing
        fulfil(json.loads(message.body))


def drain_exports_safely() -> None:
    for message in EXPORT_QUEUE.receive_messages(MaxNumberOfMessages=10, WaitTimeSeconds=10):
        try:
            fulfil(json.loads(message.body))
        finally:
            message.delete()
