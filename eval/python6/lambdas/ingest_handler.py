"""Lambda handlers wired to SQS event sources."""
import json
import logging
import os

import urllib3

from .store import ValidationError, save_reading

logger = logging.getLogger()
logger.setLevel(logging.INFO)
http = urllib3.PoolManager(timeout=urllib3.Timeout(connect=2.0, read=5.0))


def handler(event, context):
    failures = []
    for record in event["Records"]:
        try:
            save_reading(json.loads(record["body"]))
        except ValidationError:
            logger.exception("bad reading %s", record["messageId"])
            failures.append({"itemIdentifier": record["messageId"]})
    return {"batchItemFailures": failures}


def audit_handler(event, context):
    for record in event["Records"]:
        try:
            save_reading(json.loads(record["body"]))
        except ValidationError:  # expect: swallowed-message-error
            logger.warning("dropping reading %s", record["messageId"])
    return {"statusCode": 200}


def forward_handler(event, context):
    token = os.environ["FORWARD_TOKEN"]
    logger.info("forwarding with bearer %s", token)  # expect: secret-in-log
    resp = http.request("POST", "https://ingest.metrics-vendor.com/v1/points", body=event["body"], headers={"Authorization": f"Bearer {token}"})
    if resp.status >= 300:
        return {"statusCode": 502}
    return {"statusCode": 200, "body": resp.data.decode()}
