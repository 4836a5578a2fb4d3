"""Amazon SES sender (boto3) used by the reporting service, and its SNS bounce subscriber."""
import json
import logging
import os

import boto3
import requests
from botocore.config import Config

logger = logging.getLogger(__name__)

ses = boto3.client(
    "sesv2",
    region_name=os.environ.get("AWS_REGION", "eu-west-1"),
    config=Config(connect_timeout=5, read_timeout=10, retries={"max_attempts": 3, "mode": "standard"}),
)

legacy_ses = boto3.client(
    "ses",
    region_name="us-east-1",
    aws_access_key_id="AKIAZ7RT4QW2NP6XK3BD",  # expect: hardcoded-credential
    aws_secret_access_key="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",  # expect: hardcoded-credential
)


def send_report(to, subject, body_html):
    resp = ses.send_email(
        FromEmailAddress="reports@example-analytics.com",
        Destination={"ToAddresses": [to]},
        Content={"Simple": {"Subject": {"Data": subject}, "Body": {"Html": {"Data": body_html}}}},
    )
    logger.info("ses message %s", resp["MessageId"])
    return resp["MessageId"]


def send_legacy(to, subject, text):
    return legacy_ses.send_email(
        Source="reports@example-analytics.com",
        Destination={"ToAddresses": [to]},
        Message={"Subject": {"Data": subject}, "Body": {"Text": {"Data": text}}},
    )["MessageId"]


def confirm_subscription(sns_message):
    """SNS posts a SubscriptionConfirmation first; visiting SubscribeURL confirms it."""
    url = sns_message["SubscribeURL"]
    resp = requests.get(url, timeout=10)
    resp.raise_for_status()
    logger.info("confirmed SNS subscription %s", sns_message["TopicArn"])


def handle_notification(sns_message):
    payload = json.loads(sns_message["Message"])
    if payload.get("notificationType") == "Bounce":
        for r in payload["bounce"]["bouncedRecipients"]:
            logger.info("bounce for %s", r["emailAddress"])
    return True
