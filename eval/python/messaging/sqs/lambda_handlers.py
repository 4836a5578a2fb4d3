"""Lambda functions subscribed to SQS queues of the returns pipeline."""
import json
import logging
import os

import boto3

from returns.service import ReturnRejected, process_return, refund_return

logger = logging.getLogger()
logger.setLevel(logging.INFO)

sns = boto3.client("sns")
TOPIC_ARN = os.environ.get("RETURNS_TOPIC_ARN")


def returns_handler(event, context):
    failures = []
    for record in event["Records"]:
        try:
            process_return(json.loads(record["body"]))
        except Exception:
            logger.exception("return %s failed", record["messageId"])
            failures.append({"itemIdentifier": record["messageId"]})
    return {"batchItemFailures": failures}


def refunds_handler(event, context):
    for record in event["Records"]:
        body = json.loads(record["body"])
        try:
            refund_return(body["return_id"])
        except ReturnRejected:  # expect: swallowed-message-error
            logger.warning("refund for %s rejected", body["return_id"])
    return {"statusCode": 200}


def notify_handler(event, context):
    for record in event["Records"]:
        body = json.loads(record["body"])
        process_return(body)
        sns.publish(TopicArn=TOPIC_ARN, Message=json.dumps({"return_id": body["return_id"], "state": "processed"}))


def audit_handler(event, context):
    for record in event["Records"]:
        body = json.loads(record["body"])
        try:
            process_return(body)
        except Exception:
            logger.exception("audit processing failed")
            raise
