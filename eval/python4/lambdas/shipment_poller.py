"""Scheduled Lambda: drains the carrier-updates queue into the shipments table."""
import json
import logging
import os

import boto3

logger = logging.getLogger()
sqs = boto3.client("sqs")
sns = boto3.client("sns")
QUEUE_URL = os.environ["CARRIER_QUEUE_URL"]
TOPIC_ARN = os.environ["SHIPMENT_TOPIC_ARN"]
shipments = boto3.resource("dynamodb").Table(os.environ["SHIPMENTS_TABLE"])


def record_update(update: dict) -> None:
    shipments.update_item(
        Key={"id": update["shipment_id"]},
        UpdateExpression="SET #s = :s",
        ExpressionAttributeNames={"#s": "status"},
        ExpressionAttributeValues={":s": update["status"]},
    )


def handler(event, context):
    resp = sqs.receive_message(QueueUrl=QUEUE_URL, MaxNumberOfMessages=10, WaitTimeSeconds=5)
    for m in resp.get("Messages", []):
        sqs.delete_message(QueueUrl=QUEUE_URL, ReceiptHandle=m["ReceiptHandle"])  # expect: ack-before-processing
        update = json.loads(m["Body"])
        record_update(update)
        sns.publish(TopicArn=TOPIC_ARN, Message=json.dumps(update))
    return {"ok": True}


def drain_returns(event, context):
    resp = sqs.receive_message(QueueUrl=os.environ["RETURNS_QUEUE_URL"], MaxNumberOfMessages=10)
    for m in resp.get("Messages", []):
        try:
            record_update(json.loads(m["Body"]))
        except Exception:
            logger.exception("return update failed; left for redrive")
            continue
        sqs.delete_message(QueueUrl=os.environ["RETURNS_QUEUE_URL"], ReceiptHandle=m["ReceiptHandle"])
