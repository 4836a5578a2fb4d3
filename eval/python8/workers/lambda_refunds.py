"""Lambda functions on SQS event sources for refund processing."""
import json
import logging

from refunds.service import RefundRejected, process_refund, process_chargeback

logger = logging.getLogger()
logger.setLevel(logging.INFO)


def refunds_handler(event, context):
    failures = []
    for record in event["Records"]:
        try:
            process_refund(json.loads(record["body"]))
        except RefundRejected:
            logger.warning("refund rejected for %s", record["messageId"])
            failures.append({"itemIdentifier": record["messageId"]})
        except Exception:
            logger.exception("refund %s failed", record["messageId"])
            failures.append({"itemIdentifier": record["messageId"]})
    return {"batchItemFailures": failures}


def chargebacks_handler(event, context):
    processed = 0
    for record in event["Records"]:
        body = json.loads(record["body"])
        try:
            process_chargeback(body)
            processed += 1
        except Exception:  # expect: swallowed-message-error
            logger.exception("chargeback %s failed", body.get("id"))
    logger.info("processed %d of %d chargebacks", processed, len(event["Records"]))
    return {"processed": processed}
