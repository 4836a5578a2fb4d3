import asyncio
import json

import aio_pika

from .store import save_event, notify


async def on_event(message: aio_pika.abc.AbstractIncomingMessage):
    await message.ack()  # expect: ack-before-processing
    event = json.loads(message.body)
    await save_event(event)


async def on_notice(message: aio_pika.abc.AbstractIncomingMessage):
    try:
        await notify(json.loads(message.body))
    except ConnectionError:
        await message.nack()  # expect: poison-message-requeue
        return
    await message.ack()


async def on_bounce(message: aio_pika.abc.AbstractIncomingMessage):
    async with message.process(requeue=True):  # expect: poison-message-requeue
        await notify(json.loads(message.body))


async def on_checked(message: aio_pika.abc.AbstractIncomingMessage):
    try:
        await save_event(json.loads(message.body))
    except Exception:
        await message.reject(requeue=False)
        return
    await message.ack()


async def main(url):
    conn = await aio_pika.connect_robust(url)
    ch = await conn.channel()
    events = await ch.declare_queue("events", durable=True)
    notices = await ch.declare_queue("notices", durable=True)
    bounces = await ch.declare_queue("bounces", durable=True)
    checked = await ch.declare_queue("checked", durable=True)
    await events.consume(on_event)
    await notices.consume(on_notice)
    await bounces.consume(on_bounce)
    await checked.consume(on_checked)
    exchange = await ch.declare_exchange("audit", aio_pika.ExchangeType.FANOUT)
    exchange.publish(aio_pika.Message(b"started"), routing_key="")  # expect: unawaited-publish
    await ch.default_exchange.publish(aio_pika.Message(b"ready"), routing_key="status")
    await asyncio.Future()
