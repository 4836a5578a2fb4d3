"""Lambda (SQS event source, ReportBatchItemFailures): refunds requested by support."""
import json
import logging
import os

import stripe

logger = logging.getLogger()
stripe.api_key = os.environ["STRIPE_SECRET_KEY"]


def handler(event, context):
    failures = []
    for record in event["Records"]:
        request = json.loads(record["body"])
        try:
            stripe.Refund.create(
                payment_intent=request["payment_intent"],
                amount=request["amount"],
                idempotency_key=record["messageId"],
            )
        except stripe.error.StripeError as exc:
            logger.error("refund for %s failed: %s", request["payment_intent"], exc.user_message)
            failures.append({"itemIdentifier": record["messageId"]})
    return {"batchItemFailures": failures}
