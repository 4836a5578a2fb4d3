import json
import logging

from .ledger import post_entry

logger = logging.getLogger()


def handler(event, context):
    for record in event["Records"]:
        try:
            post_entry(json.loads(record["body"]))
        except Exception:  # expect: swallowed-message-error
            logger.exception("entry failed")
    return {"ok": True}


def handler_with_failures(event, context):
    failures = []
    for record in event["Records"]:
        try:
            post_entry(json.loads(record["body"]))
        except Exception:
            logger.exception("entry failed")
            failures.append({"itemIdentifier": record["messageId"]})
    return {"batchItemFailures": failures}
