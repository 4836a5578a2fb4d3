import asyncio
import json
import logging

import aio_pika

from .media import TranscodeError, transcode, update_status

log = logging.getLogger(__name__)


async def handle_transcode(message: aio_pika.abc.AbstractIncomingMessage) -> None:
    async with message.process(requeue=True):  # expect: poison-message-requeue
        job = json.loads(message.body)
        await transcode(job["asset"], job["profile"])


async def handle_status(message: aio_pika.abc.AbstractIncomingMessage) -> None:
    await message.ack()  # expect: ack-before-processing
    status = json.loads(message.body)
    await update_status(status["asset"], status["state"])


async def handle_thumbnail(message: aio_pika.abc.AbstractIncomingMessage) -> None:
    try:
        job = json.loads(message.body)
        await transcode(job["asset"], "thumb")
    except TranscodeError:
        await message.reject(requeue=False)
        return
    except Exception:
        if message.redelivered:
            await message.reject()
        else:
            await message.nack(requeue=True)
        return
    await message.ack()


async def handle_preview(message: aio_pika.abc.AbstractIncomingMessage) -> None:
    try:
        job = json.loads(message.body)
        await transcode(job["asset"], "preview")
    except TranscodeError:
        await message.nack()  # expect: poison-message-requeue
        return
    await message.ack()


async def main() -> None:
    connection = await aio_pika.connect_robust("amqp://media:media@localhost/")
    channel = await connection.channel()
    await channel.set_qos(prefetch_count=4)
    transcode_q = await channel.declare_queue("transcode", durable=True)
    status_q = await channel.declare_queue("status", durable=True)
    thumbs_q = await channel.declare_queue("thumbs", durable=True)
    preview_q = await channel.declare_queue("previews", durable=True)
    events_q = await channel.declare_queue("events", durable=True)
    await transcode_q.consume(handle_transcode)
    await status_q.consume(handle_status)
    await thumbs_q.consume(handle_thumbnail)
    await preview_q.consume(handle_preview)
    await events_q.consume(lambda m: log.info("event %s", m.message_id), no_ack=True)  # expect: ack-before-processing
    async with events_q.iterator() as it:
        async for message in it:
            async with message.process():
                await update_status(message.headers["asset"], json.loads(message.body)["state"])
    await asyncio.Future()
