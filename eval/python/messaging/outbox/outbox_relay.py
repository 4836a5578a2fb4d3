"""Transactional-outbox relay: moves committed rows to the brokers."""
import asyncio
import json
import logging
import os

import aio_pika
import boto3
import pika
from aiobotocore.session import get_session

from outbox.repo import fetch_unsent, mark_sent

log = logging.getLogger(__name__)

AMQP_URL = os.environ["AMQP_URL"]
NOTIFY_QUEUE_URL = os.environ["NOTIFY_QUEUE_URL"]
sns = boto3.client("sns")


async def relay_amqp() -> None:
    connection = await aio_pika.connect_robust(AMQP_URL)
    async with connection:
        channel = await connection.channel(publisher_confirms=True)
        exchange = await channel.declare_exchange("domain-events", aio_pika.ExchangeType.TOPIC, durable=True)
        rows = await fetch_unsent(limit=100)
        for row in rows:
            await exchange.publish(aio_pika.Message(body=row.payload, message_id=row.id), routing_key=row.topic)
            await mark_sent(row.id)


async def relay_amqp_default(rows) -> None:
    connection = await aio_pika.connect_robust(AMQP_URL)
    channel = await connection.channel()
    for row in rows:
        channel.default_exchange.publish(aio_pika.Message(body=row.payload), routing_key=row.topic)  # expect: unawaited-publish
        await mark_sent(row.id)


async def relay_amqp_batch(rows) -> None:
    connection = await aio_pika.connect_robust(AMQP_URL)
    channel = await connection.channel()
    pending = [channel.default_exchange.publish(aio_pika.Message(body=r.payload), routing_key=r.topic) for r in rows]
    await asyncio.gather(*pending)
    for row in rows:
        await mark_sent(row.id)


async def relay_sqs(rows) -> None:
    session = get_session()
    async with session.create_client("sqs") as client:
        for row in rows:
            client.send_message(QueueUrl=NOTIFY_QUEUE_URL, MessageBody=row.payload.decode())  # expect: unawaited-publish
            await mark_sent(row.id)


async def relay_sqs_awaited(rows) -> None:
    session = get_session()
    async with session.create_client("sqs") as client:
        for row in rows:
            await client.send_message(QueueUrl=NOTIFY_QUEUE_URL, MessageBody=row.payload.decode())
            await mark_sent(row.id)


def relay_sns(rows) -> None:
    for row in rows:
        sns.publish(TopicArn=os.environ["DOMAIN_TOPIC_ARN"], Message=row.payload.decode())


def relay_legacy(rows) -> None:
    connection = pika.BlockingConnection(pika.URLParameters(AMQP_URL))
    channel = connection.channel()
    channel.confirm_delivery()
    for row in rows:
        channel.basic_publish(exchange="legacy-events", routing_key=row.topic, body=row.payload)
    connection.close()


def main() -> None:
    asyncio.run(relay_amqp())
    log.info("outbox relay pass done: %s", json.dumps({"ok": True}))
