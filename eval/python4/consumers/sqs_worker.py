"""ECS worker that long-polls the receipts queue."""
import json
import logging
import os
import signal

import boto3

from .receipts import store_receipt

logger = logging.getLogger(__name__)
sqs = boto3.client("sqs")
QUEUE_URL = os.environ["RECEIPTS_QUEUE_URL"]
running = True


def stop(*_):
    global running
    running = False


signal.signal(signal.SIGTERM, stop)


def poll() -> None:
    while running:
        resp = sqs.receive_message(QueueUrl=QUEUE_URL, MaxNumberOfMessages=10, WaitTimeSeconds=20)
        for m in resp.get("Messages", []):
            try:
                store_receipt(json.loads(m["Body"]))
            except Exception:  # expect: swallowed-message-error
                logger.exception("receipt %s could not be stored", m["MessageId"])
            sqs.delete_message(QueueUrl=QUEUE_URL, ReceiptHandle=m["ReceiptHandle"])


def poll_resource() -> None:
    queue = boto3.resource("sqs").Queue(QUEUE_URL)
    while running:
        for message in queue.receive_messages(MaxNumberOfMessages=10, WaitTimeSeconds=20):
            try:
                store_receipt(json.loads(message.body))
            except Exception:
                logger.exception("receipt failed, leaving it for the redrive policy")
                continue
            message.delete()
