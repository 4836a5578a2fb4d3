"""Lambda handlers (SQS event source) for SES bounce and complaint notifications delivered via SNS."""
import json
import logging

from users.suppression import record_bounce, record_complaint

logger = logging.getLogger()
logger.setLevel(logging.INFO)


def bounce_handler(event, context):
    for record in event["Records"]:
        try:
            envelope = json.loads(record["body"])
            notification = json.loads(envelope["Message"])
            for r in notification["bounce"]["bouncedRecipients"]:
                record_bounce(r["emailAddress"], notification["bounce"]["bounceType"])
        except Exception:  # expect: swallowed-message-error
            logger.exception("bad bounce record %s", record["messageId"])
    return {"ok": True}


def complaint_handler(event, context):
    failures = []
    for record in event["Records"]:
        try:
            envelope = json.loads(record["body"])
            notification = json.loads(envelope["Message"])
            for r in notification["complaint"]["complainedRecipients"]:
                record_complaint(r["emailAddress"])
        except Exception:
            logger.exception("complaint record failed %s", record["messageId"])
            failures.append({"itemIdentifier": record["messageId"]})
    return {"batchItemFailures": failures}


def delivery_handler(event, context):
    for record in event["Records"]:
        envelope = json.loads(record["body"])
        notification = json.loads(envelope["Message"])
        try:
            from metrics import incr

            incr("ses.delivery", tags={"domain": notification["mail"]["source"].split("@")[-1]})
        except Exception:
            logger.warning("metrics unavailable")
        logger.info("delivered %s", notification["mail"]["messageId"])
    return {"ok": True}
