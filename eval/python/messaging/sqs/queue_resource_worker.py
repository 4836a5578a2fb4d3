"""Label-generation worker on the boto3 SQS resource API."""
import json
import logging
import os
import time

import boto3

from labels.generator import generate_label

log = logging.getLogger(__name__)

sqs = boto3.resource("sqs")
queue = sqs.Queue(os.environ["LABEL_QUEUE_URL"])
failed_queue = sqs.Queue(os.environ["LABEL_FAILED_QUEUE_URL"])


def run() -> None:
    while True:
        for message in queue.receive_messages(MaxNumberOfMessages=10, WaitTimeSeconds=20):
            message.delete()  # expect: ack-before-processing
            job = json.loads(message.body)
            generate_label(job["shipment_id"], job["carrier"])


def run_with_failed_queue() -> None:
    while True:
        for message in queue.receive_messages(MaxNumberOfMessages=10, WaitTimeSeconds=20):
            job = json.loads(message.body)
            try:
                generate_label(job["shipment_id"], job["carrier"])
            except Exception:
                log.exception("label %s failed", job["shipment_id"])
                failed_queue.send_message(MessageBody=message.body)
            message.delete()


def run_swallowing() -> None:
    while True:
        for message in queue.receive_messages(MaxNumberOfMessages=10, WaitTimeSeconds=20):
            job = json.loads(message.body)
            try:
                generate_label(job["shipment_id"], job["carrier"])
            except Exception:  # expect: swallowed-message-error
                log.exception("label %s failed", job["shipment_id"])
                time.sleep(1)
            message.delete()
