"""SQS pollers for the fulfilment queues (boto3 client and resource APIs)."""
import json
import logging
import os

import boto3

from .fulfil import FulfilError, ship, update_stock

log = logging.getLogger(__name__)

sqs = boto3.client("sqs", region_name="eu-west-1")
ORDERS_QUEUE = os.environ["ORDERS_QUEUE_URL"]
STOCK_QUEUE = os.environ["STOCK_QUEUE_URL"]
DLQ_URL = os.environ["ORDERS_DLQ_URL"]


def poll_orders() -> None:
    while True:
        resp = sqs.receive_message(QueueUrl=ORDERS_QUEUE, MaxNumberOfMessages=10, WaitTimeSeconds=20)
        for m in resp.get("Messages", []):
            try:
                ship(json.loads(m["Body"]))
            except FulfilError:
                sqs.send_message(QueueUrl=DLQ_URL, MessageBody=m["Body"])
            sqs.delete_message(QueueUrl=ORDERS_QUEUE, ReceiptHandle=m["ReceiptHandle"])


def poll_stock() -> None:
    while True:
        resp = sqs.receive_message(QueueUrl=STOCK_QUEUE, WaitTimeSeconds=20)
        for m in resp.get("Messages", []):
            sqs.delete_message(QueueUrl=STOCK_QUEUE, ReceiptHandle=m["ReceiptHandle"])  # expect: ack-before-processing
            update_stock(json.loads(m["Body"]))


def poll_stock_safe() -> None:
    while True:
        resp = sqs.receive_message(QueueUrl=STOCK_QUEUE, WaitTimeSeconds=20)
        for m in resp.get("Messages", []):
            try:
                update_stock(json.loads(m["Body"]))
            except FulfilError:
                log.exception("stock update failed; message will be redelivered")
                continue
            sqs.delete_message(QueueUrl=STOCK_QUEUE, ReceiptHandle=m["ReceiptHandle"])


def poll_returns() -> None:
    queue = boto3.resource("sqs").Queue(os.environ["RETURNS_QUEUE_URL"])
    while True:
        for message in queue.receive_messages(MaxNumberOfMessages=10, WaitTimeSeconds=20):
            try:
                ship(json.loads(message.body))
            except FulfilError:  # expect: swallowed-message-error
                log.error("return %s could not be processed", message.message_id)
            message.delete()
