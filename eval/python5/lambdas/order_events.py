"""Lambda handlers for SQS event sources."""
from __future__ import annotations

import json
import logging
from typing import Any

from orders.pipeline import apply_order_event, ValidationFailed

logger = logging.getLogger()
logger.setLevel(logging.INFO)


def handler(event: dict[str, Any], context) -> dict:
    for record in event["Records"]:
        try:
            apply_order_event(json.loads(record["body"]))
        except ValidationFailed:  # expect: swallowed-message-error
            logger.exception("order event %s invalid", record["messageId"])
    return {"processed": len(event["Records"])}


def partial_batch_handler(event: dict[str, Any], context) -> dict:
    failures: list[dict[str, str]] = []
    for record in event["Records"]:
        try:
            apply_order_event(json.loads(record["body"]))
        except Exception:
            logger.exception("order event %s failed", record["messageId"])
            failures.append({"itemIdentifier": record["messageId"]})
    return {"batchItemFailures": failures}


def strict_handler(event: dict[str, Any], context) -> None:
    for record in event["Records"]:
        try:
            apply_order_event(json.loads(record["body"]))
        except ValidationFailed:
            logger.error("invalid event %s, failing the batch", record["messageId"])
            raise
