"""aio-pika worker for shipment events."""
from __future__ import annotations

import asyncio
import json
import logging
import os

import aio_pika
from aio_pika.abc import AbstractIncomingMessage

from shipping.service import apply_event, ShipmentNotFound

log = logging.getLogger(__name__)


async def on_label_printed(message: AbstractIncomingMessage) -> None:
    async with message.process():
        await apply_event(json.loads(message.body))


async def on_delivered(message: AbstractIncomingMessage) -> None:
    async with message.process(requeue=True):  # expect: poison-message-requeue
        await apply_event(json.loads(message.body))


async def on_returned(message: AbstractIncomingMessage) -> None:
    try:
        await apply_event(json.loads(message.body))
    except ShipmentNotFound:
        await message.reject()
        return
    except Exception:
        log.exception("returned event failed")
        await message.nack()  # expect: poison-message-requeue
        return
    await message.ack()


async def on_exception_event(message: AbstractIncomingMessage) -> None:
    try:
        await apply_event(json.loads(message.body))
    except Exception:
        if message.redelivered:
            await message.reject(requeue=False)
        else:
            await message.nack(requeue=True)
        return
    await message.ack()


async def drain_tracking(queue: aio_pika.abc.AbstractQueue) -> None:
    async with queue.iterator() as it:
        async for message in it:
            await message.ack()  # expect: ack-before-processing
            await apply_event(json.loads(message.body))


async def main() -> None:
    connection = await aio_pika.connect_robust(os.environ["AMQP_URL"])
    channel = await connection.channel()
    await channel.set_qos(prefetch_count=50)
    printed = await channel.declare_queue("shipments.label-printed", durable=True)
    delivered = await channel.declare_queue("shipments.delivered", durable=True)
    returned = await channel.declare_queue("shipments.returned", durable=True)
    exceptions = await channel.declare_queue("shipments.exceptions", durable=True)
    pings = await channel.declare_queue("shipments.pings")
    tracking = await channel.declare_queue("shipments.tracking")
    await printed.consume(on_label_printed)
    await delivered.consume(on_delivered)
    await returned.consume(on_returned)
    await exceptions.consume(on_exception_event)
    await pings.consume(on_label_printed, no_ack=True)  # expect: ack-before-processing
    await drain_tracking(tracking)
    await asyncio.Future()


if __name__ == "__main__":
    asyncio.run(main())
