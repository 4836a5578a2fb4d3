import asyncio
import json
import os

import aio_pika

RABBIT_URL = os.environ.get("RABBIT_URL", "amqp://guest:guest@localhost/")


class EventBus:
    def __init__(self) -> None:
        self.connection = None
        self.exchange = None
        self.pending = []

    async def start(self) -> None:
        self.connection = await aio_pika.connect_robust(RABBIT_URL)
        channel = await self.connection.channel(publisher_confirms=True)
        self.exchange = await channel.declare_exchange("domain", aio_pika.ExchangeType.TOPIC, durable=True)
        self.channel = channel

    async def emit(self, key: str, payload: dict) -> None:
        message = aio_pika.Message(body=json.dumps(payload).encode(), delivery_mode=aio_pika.DeliveryMode.PERSISTENT)
        await self.exchange.publish(message, routing_key=key)

    async def emit_fast(self, key: str, payload: dict) -> None:
        self.exchange.publish(aio_pika.Message(body=json.dumps(payload).encode()), routing_key=key)  # expect: unawaited-publish

    async def emit_default(self, queue: str, payload: dict) -> None:
        self.channel.default_exchange.publish(aio_pika.Message(body=json.dumps(payload).encode()), routing_key=queue)  # expect: unawaited-publish

    async def emit_many(self, key: str, payloads: list) -> None:
        await asyncio.gather(*(self.exchange.publish(aio_pika.Message(body=json.dumps(p).encode()), routing_key=key) for p in payloads))

    def emit_later(self, key: str, payload: dict) -> asyncio.Task:
        return asyncio.create_task(self.exchange.publish(aio_pika.Message(body=json.dumps(payload).encode()), routing_key=key))

    async def emit_tracked(self, key: str, payload: dict) -> None:
        self.pending.append(self.exchange.publish(aio_pika.Message(body=json.dumps(payload).encode()), routing_key=key))
        if len(self.pending) >= 50:
            await asyncio.gather(*self.pending)
            self.pending.clear()
