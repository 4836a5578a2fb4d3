"""Async thumbnail and search-index workers (aio-pika)."""
import asyncio
import json
import logging
import os

import aio_pika
from aio_pika.abc import AbstractIncomingMessage

from media.thumbs import make_thumbnails
from media.search import index_document, remove_document

log = logging.getLogger(__name__)

AMQP_URL = os.environ["AMQP_URL"]


async def on_thumbnail(message: AbstractIncomingMessage) -> None:
    async with message.process():
        job = json.loads(message.body)
        await make_thumbnails(job["asset_id"], job["sizes"])


async def on_index(message: AbstractIncomingMessage) -> None:
    await message.ack()  # expect: ack-before-processing
    doc = json.loads(message.body)
    await index_document(doc)


async def on_remove(message: AbstractIncomingMessage) -> None:
    doc = json.loads(message.body)
    try:
        await remove_document(doc["id"])
    except Exception:
        log.exception("remove %s failed", doc["id"])
        await message.nack()  # expect: poison-message-requeue
        return
    await message.ack()


async def on_reindex(message: AbstractIncomingMessage) -> None:
    doc = json.loads(message.body)
    try:
        await index_document(doc)
    except ValueError:
        await message.reject()
        return
    except Exception:
        if message.redelivered:
            await message.reject()
        else:
            await message.nack(requeue=True)
        return
    await message.ack()


async def on_preview(message: AbstractIncomingMessage) -> None:
    async with message.process(requeue=True):  # expect: poison-message-requeue
        job = json.loads(message.body)
        await make_thumbnails(job["asset_id"], ["preview"])


async def on_audit(message: AbstractIncomingMessage) -> None:
    log.info("audit event %s", message.message_id)


async def on_thumbnail_done(message: AbstractIncomingMessage, exchange: aio_pika.abc.AbstractExchange) -> None:
    async with message.process():
        result = json.loads(message.body)
        exchange.publish(  # expect: unawaited-publish
            aio_pika.Message(body=json.dumps({"asset_id": result["asset_id"]}).encode()),
            routing_key="media.thumbnail.ready",
        )


async def main() -> None:
    connection = await aio_pika.connect_robust(AMQP_URL)
    channel = await connection.channel()
    await channel.set_qos(prefetch_count=8)
    events = await channel.declare_exchange("media", aio_pika.ExchangeType.TOPIC, durable=True)
    thumbs = await channel.declare_queue("media.thumbnails", durable=True)
    index = await channel.declare_queue("search.index", durable=True)
    remove = await channel.declare_queue("search.remove", durable=True)
    reindex = await channel.declare_queue("search.reindex", durable=True)
    previews = await channel.declare_queue("media.previews", durable=True)
    audit = await channel.declare_queue("media.audit", durable=True)
    done = await channel.declare_queue("media.thumbnail.done", durable=True)
    bulk = await channel.declare_queue("search.bulk", durable=True)

    await thumbs.consume(on_thumbnail)
    await index.consume(on_index)
    await remove.consume(on_remove)
    await reindex.consume(on_reindex)
    await previews.consume(on_preview)
    await audit.consume(on_audit, no_ack=True)  # expect: ack-before-processing
    await done.consume(lambda m: on_thumbnail_done(m, events))

    async with bulk.iterator() as queue_iter:
        async for message in queue_iter:
            async with message.process():
                await index_document(json.loads(message.body))

    await asyncio.Future()


if __name__ == "__main__":
    asyncio.run(main())
