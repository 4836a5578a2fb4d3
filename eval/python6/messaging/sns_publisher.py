"""Order events to SNS (boto3, synchronous) and to SQS via aiobotocore."""
import json
import os

import boto3
from aiobotocore.session import get_session

sns = boto3.client("sns")
TOPIC_ARN = os.environ["ORDER_EVENTS_TOPIC"]
QUEUE_URL = os.environ["ORDER_EVENTS_QUEUE"]


def publish_order(order: dict) -> None:
    sns.publish(TopicArn=TOPIC_ARN, Message=json.dumps(order), MessageGroupId=str(order["customer"]))


async def enqueue_orders(orders: list) -> None:
    session = get_session()
    async with session.create_client("sqs") as client:
        for order in orders:
            client.send_message(QueueUrl=QUEUE_URL, MessageBody=json.dumps(order))  # expect: unawaited-publish
        await client.send_message(QueueUrl=QUEUE_URL, MessageBody=json.dumps({"batch_end": len(orders)}))
