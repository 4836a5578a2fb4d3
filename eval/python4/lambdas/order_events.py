"""Lambda (SQS event source): applies order events to the fulfilment service."""
import json
import logging
import os

import boto3
import requests

logger = logging.getLogger()
logger.setLevel(logging.INFO)
FULFILMENT_API = os.environ["FULFILMENT_API"]
dynamodb = boto3.resource("dynamodb")
audit_table = dynamodb.Table(os.environ["AUDIT_TABLE"])


def apply_event(event: dict) -> None:
    resp = requests.post(f"{FULFILMENT_API}/events", json=event, timeout=8)
    resp.raise_for_status()


def handler(event, context):
    for record in event["Records"]:
        body = json.loads(record["body"])
        try:
            apply_event(body)
        except requests.RequestException as exc:  # expect: swallowed-message-error
            logger.error("order event %s failed: %s", record["messageId"], exc)
        try:
            audit_table.put_item(Item={"id": record["messageId"], "type": body["type"]})
        except Exception:
            logger.warning("audit write skipped for %s", record["messageId"])
    return {"processed": len(event["Records"])}
