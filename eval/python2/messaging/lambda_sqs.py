"""Lambda functions behind the search-indexing SQS queues."""
import json
import logging

from search.index import IndexingError, index_document, reindex

logger = logging.getLogger()
logger.setLevel(logging.INFO)


def handler(event, context):
    for record in event["Records"]:
        try:
            payload = json.loads(record["body"])
            index_document(payload)
        except IndexingError:  # expect: swallowed-message-error
            logger.exception("indexing failed for %s", record["messageId"])
    return {"statusCode": 200}


def batch_handler(event, context):
    failures = []
    for record in event["Records"]:
        try:
            index_document(json.loads(record["body"]))
        except Exception:
            logger.exception("indexing failed for %s", record["messageId"])
            failures.append({"itemIdentifier": record["messageId"]})
    return {"batchItemFailures": failures}


def reindex_handler(event, context):
    for record in event["Records"]:
        try:
            request = json.loads(record["body"])
        except json.JSONDecodeError:
            logger.warning("skipping malformed record %s", record["messageId"])
            continue
        reindex(request["collection"], since=request.get("since"))
