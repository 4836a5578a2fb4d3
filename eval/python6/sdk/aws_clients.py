"""boto3 clients shared by the upload and notification modules."""
import logging
import os

import boto3
from botocore.config import Config

log = logging.getLogger(__name__)

_cfg = Config(connect_timeout=3, read_timeout=10, retries={"max_attempts": 4, "mode": "adaptive"})

s3 = boto3.client("s3", config=_cfg)
ses = boto3.client(
    "ses",
    region_name="eu-west-1",
    aws_access_key_id=os.environ.get("SES_ACCESS_KEY_ID"),
    aws_secret_access_key=os.environ.get("SES_SECRET_ACCESS_KEY", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLE"),
)
sns = boto3.client(
    "sns",
    aws_access_key_id="AKIAQ3X7R9T2W5Y8Z4BM",  # expect: hardcoded-credential
    aws_secret_access_key="hN4k8Pq2Vx7Ls1Zc9Rt3Wb6Yf0Gd5Mj8Ua2Ie7Ko",  # expect: hardcoded-credential
)
secrets_client = boto3.client("secretsmanager")


def db_password() -> str:
    secret = secrets_client.get_secret_value(SecretId="prod/orders/db")
    return secret["SecretString"]


def presign(key: str) -> str:
    url = s3.generate_presigned_url("get_object", Params={"Bucket": "orders-docs", "Key": key}, ExpiresIn=600)
    log.info("presigned %s", key)
    return url


def notify(topic_arn: str, text: str) -> None:
    sns.publish(TopicArn=topic_arn, Message=text)
    log.info("sns publish to %s using key id %s", topic_arn, os.environ.get("SES_ACCESS_KEY_ID"))
