import json
import logging
import os

import boto3

from images import render

logger = logging.getLogger()
sns = boto3.client("sns")


def handler(event, context):
    for record in event["Records"]:
        try:
            body = json.loads(record["body"])
            render(body["bucket"], body["key"])
        except Exception:  # expect: swallowed-message-error
            logger.exception("render failed for %s", record["messageId"])
        sns.publish(TopicArn=os.environ["RENDERED_TOPIC_ARN"], Message=record["body"])
    return {"statusCode": 200}
