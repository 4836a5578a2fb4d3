"""aio-pika consumers for shipment tracking updates."""
import asyncio
import json
import logging

import aio_pika
from aio_pika.abc import AbstractIncomingMessage

from shipping.carriers import CarrierUnavailable, fetch_label, update_tracking

logger = logging.getLogger(__name__)
AMQP_URL = "amqp://shipping:shipping@rabbitmq.internal/"


async def on_tracking(message: AbstractIncomingMessage) -> None:
    async with message.process():
        update = json.loads(message.body)
        await update_tracking(update["shipment_id"], update["status"])


async def on_label_request(message: AbstractIncomingMessage) -> None:
    async with message.process(requeue=True):  # expect: poison-message-requeue
        request = json.loads(message.body)
        await fetch_label(request["shipment_id"], request["carrier"])


async def on_return(message: AbstractIncomingMessage) -> None:
    payload = json.loads(message.body)
    try:
        await fetch_label(payload["shipment_id"], payload["carrier"])
    except ValueError:
        await message.nack()  # expect: poison-message-requeue
        return
    except CarrierUnavailable:
        if message.redelivered:
            await message.reject(requeue=False)
        else:
            await message.nack(requeue=True)
        return
    await message.ack()


async def on_manifest(message: AbstractIncomingMessage) -> None:
    manifest = json.loads(message.body)
    try:
        await update_tracking(manifest["shipment_id"], "manifested")
    except CarrierUnavailable:
        await message.reject()
        return
    await message.ack()


async def main() -> None:
    connection = await aio_pika.connect_robust(AMQP_URL)
    channel = await connection.channel()
    await channel.set_qos(prefetch_count=20)
    exchange = await channel.declare_exchange("shipping", aio_pika.ExchangeType.TOPIC, durable=True)
    tracking = await channel.declare_queue("shipping.tracking", durable=True)
    labels = await channel.declare_queue("shipping.labels", durable=True)
    returns = await channel.declare_queue("shipping.returns", durable=True)
    manifests = await channel.declare_queue("shipping.manifests", durable=True)
    firehose = await channel.declare_queue("shipping.firehose", durable=False)
    await tracking.consume(on_tracking)
    await labels.consume(on_label_request)
    await returns.consume(on_return)
    await manifests.consume(on_manifest)
    await firehose.consume(on_tracking, no_ack=True)  # expect: ack-before-processing
    exchange.publish(aio_pika.Message(body=b'{"event": "consumer.started"}'), routing_key="shipping.lifecycle")  # expect: unawaited-publish
    await exchange.publish(aio_pika.Message(body=b'{"event": "consumer.ready"}'), routing_key="shipping.lifecycle")
    await asyncio.Future()


if __name__ == "__main__":
    asyncio.run(main())
