"""Publishing order domain events over aio-pika."""
from __future__ import annotations

import asyncio
import json
import os
from dataclasses import asdict, dataclass

import aio_pika


@dataclass
class OrderEvent:
    order_id: str
    kind: str
    total_cents: int


class OrderEventPublisher:
    def __init__(self) -> None:
        self._connection: aio_pika.abc.AbstractRobustConnection | None = None
        self._exchange: aio_pika.abc.AbstractExchange | None = None
        self._channel: aio_pika.abc.AbstractChannel | None = None

    async def connect(self) -> None:
        self._connection = await aio_pika.connect_robust(os.environ["AMQP_URL"])
        self._channel = await self._connection.channel(publisher_confirms=True)
        self._exchange = await self._channel.declare_exchange("orders", aio_pika.ExchangeType.TOPIC, durable=True)

    def _message(self, event: OrderEvent) -> aio_pika.Message:
        return aio_pika.Message(
            body=json.dumps(asdict(event)).encode(),
            content_type="application/json",
            delivery_mode=aio_pika.DeliveryMode.PERSISTENT,
        )

    async def publish(self, event: OrderEvent) -> None:
        assert self._exchange is not None
        await self._exchange.publish(self._message(event), routing_key=f"order.{event.kind}")

    async def publish_fire_and_forget(self, event: OrderEvent) -> None:
        assert self._exchange is not None
        self._exchange.publish(self._message(event), routing_key=f"order.{event.kind}")  # expect: unawaited-publish

    async def publish_direct(self, queue: str, event: OrderEvent) -> None:
        assert self._channel is not None
        self._channel.default_exchange.publish(self._message(event), routing_key=queue)  # expect: unawaited-publish

    async def publish_many(self, events: list[OrderEvent]) -> None:
        assert self._exchange is not None
        await asyncio.gather(
            *(self._exchange.publish(self._message(e), routing_key=f"order.{e.kind}") for e in events)
        )

    def schedule(self, event: OrderEvent) -> asyncio.Task:
        assert self._exchange is not None
        return asyncio.create_task(
            self._exchange.publish(self._message(event), routing_key=f"order.{event.kind}")
        )
