"""Label printer bridge: drains the print queue with an aio-pika iterator."""
import asyncio
import json
import logging

import aio_pika

from printers.client import PrinterOffline, print_label
from printers.settings import AMQP_URL

log = logging.getLogger(__name__)


async def drain_labels() -> None:
    connection = await aio_pika.connect_robust(AMQP_URL)
    async with connection:
        channel = await connection.channel()
        queue = await channel.declare_queue("labels", durable=True)
        async with queue.iterator() as messages:
            async for message in messages:
                await message.ack()  # expect: ack-before-processing
                job = json.loads(message.body)
                await print_label(job["printer"], job["zpl"])


async def drain_reprints() -> None:
    connection = await aio_pika.connect_robust(AMQP_URL)
    async with connection:
        channel = await connection.channel()
        queue = await channel.declare_queue("reprints", durable=True)
        async for message in queue.iterator():
            try:
                job = json.loads(message.body)
                await print_label(job["printer"], job["zpl"])
            except PrinterOffline:
                log.warning("printer offline, will retry the job later")
                await message.nack(requeue=True)  # expect: poison-message-requeue
                continue
            await message.ack()


if __name__ == "__main__":
    asyncio.run(drain_labels())
