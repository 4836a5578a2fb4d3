"""SQS poller for inventory adjustments (boto3, long polling)."""
import json
import logging
import os

import boto3

from inventory.service import adjust_stock, UnknownSku

logger = logging.getLogger(__name__)
sqs = boto3.client("sqs", region_name=os.environ.get("AWS_REGION", "eu-west-1"))
QUEUE_URL = os.environ["ADJUSTMENTS_QUEUE_URL"]
AUDIT_QUEUE_URL = os.environ["AUDIT_QUEUE_URL"]


def poll_adjustments() -> None:
    while True:
        response = sqs.receive_message(QueueUrl=QUEUE_URL, MaxNumberOfMessages=10, WaitTimeSeconds=20)
        for message in response.get("Messages", []):
            try:
                adjustment = json.loads(message["Body"])
                adjust_stock(adjustment["sku"], adjustment["delta"])
            except UnknownSku:  # expect: swallowed-message-error
                logger.warning("unknown sku in %s", message["MessageId"])
            sqs.delete_message(QueueUrl=QUEUE_URL, ReceiptHandle=message["ReceiptHandle"])


def poll_audit() -> None:
    while True:
        response = sqs.receive_message(QueueUrl=AUDIT_QUEUE_URL, MaxNumberOfMessages=10, WaitTimeSeconds=20)
        for message in response.get("Messages", []):
            sqs.delete_message(QueueUrl=AUDIT_QUEUE_URL, ReceiptHandle=message["ReceiptHandle"])  # expect: ack-before-processing
            record = json.loads(message["Body"])
            adjust_stock(record["sku"], 0)


def poll_safely() -> None:
    while True:
        response = sqs.receive_message(QueueUrl=QUEUE_URL, MaxNumberOfMessages=10, WaitTimeSeconds=20)
        for message in response.get("Messages", []):
            try:
                adjustment = json.loads(message["Body"])
                adjust_stock(adjustment["sku"], adjustment["delta"])
            except Exception:
                logger.exception("adjustment %s failed; left for redrive", message["MessageId"])
                continue
            sqs.delete_message(QueueUrl=QUEUE_URL, ReceiptHandle=message["ReceiptHandle"])


if __name__ == "__main__":
    poll_adjustments()
