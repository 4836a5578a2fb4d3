"""Long-polling SQS workers for orders, refunds, invoices and returns."""
import json
import logging
import os

import boto3

from orders.fulfilment import fulfil
from orders.invoices import InvoiceError, send_invoice
from orders.refunds import RefundError, process_refund
from orders.returns import register_return

logger = logging.getLogger(__name__)

sqs = boto3.client("sqs", region_name=os.environ.get("AWS_REGION", "eu-west-1"))
ORDERS_URL = os.environ["ORDERS_QUEUE_URL"]
REFUNDS_URL = os.environ["REFUNDS_QUEUE_URL"]
INVOICES_URL = os.environ["INVOICES_QUEUE_URL"]
NOTIFY_URL = os.environ["NOTIFY_QUEUE_URL"]


def poll_orders() -> None:
    while True:
        resp = sqs.receive_message(QueueUrl=ORDERS_URL, MaxNumberOfMessages=10, WaitTimeSeconds=20)
        for message in resp.get("Messages", []):
            sqs.delete_message(QueueUrl=ORDERS_URL, ReceiptHandle=message["ReceiptHandle"])  # expect: ack-before-processing
            order = json.loads(message["Body"])
            fulfil(order)
            sqs.send_message(QueueUrl=NOTIFY_URL, MessageBody=json.dumps({"order": order["id"]}))


def poll_refunds() -> None:
    while True:
        for message in sqs.receive_message(QueueUrl=REFUNDS_URL, WaitTimeSeconds=20)["Messages"]:
            try:
                process_refund(json.loads(message["Body"]))
            except RefundError:  # expect: swallowed-message-error
                logger.exception("refund %s failed", message["MessageId"])
            sqs.delete_message(QueueUrl=REFUNDS_URL, ReceiptHandle=message["ReceiptHandle"])


def poll_invoices() -> None:
    while True:
        resp = sqs.receive_message(QueueUrl=INVOICES_URL, MaxNumberOfMessages=10, WaitTimeSeconds=20)
        for message in resp.get("Messages", []):
            try:
                send_invoice(json.loads(message["Body"]))
            except InvoiceError:
                logger.exception("invoice failed; SQS will redeliver it after the visibility timeout")
                continue
            sqs.delete_message(QueueUrl=INVOICES_URL, ReceiptHandle=message["ReceiptHandle"])


def poll_returns(queue_name: str) -> None:
    queue = boto3.resource("sqs").get_queue_by_name(QueueName=queue_name)
    while True:
        for message in queue.receive_messages(MaxNumberOfMessages=10, WaitTimeSeconds=20):
            message.delete()  # expect: ack-before-processing
            register_return(json.loads(message.body))
