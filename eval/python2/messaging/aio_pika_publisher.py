"""Domain-event publisher shared by the async services (aio-pika)."""
import asyncio
import json
from datetime import datetime, timezone

import aio_pika
from aio_pika import DeliveryMode, ExchangeType, Message


def _message(payload: dict) -> Message:
    body = json.dumps({**payload, "published_at": datetime.now(timezone.utc).isoformat()}).encode()
    return Message(body, content_type="application/json", delivery_mode=DeliveryMode.PERSISTENT)


class EventPublisher:
    def __init__(self, url: str):
        self._url = url
        self._connection = None
        self._channel = None
        self._exchange = None

    async def connect(self) -> None:
        self._connection = await aio_pika.connect_robust(self._url)
        self._channel = await self._connection.channel(publisher_confirms=True)
        self._exchange = await self._channel.declare_exchange("events", ExchangeType.TOPIC, durable=True)

    async def publish(self, routing_key: str, payload: dict) -> None:
        await self._exchange.publish(_message(payload), routing_key=routing_key)

    async def publish_best_effort(self, routing_key: str, payload: dict) -> None:
        self._exchange.publish(_message(payload), routing_key=routing_key)  # expect: unawaited-publish

    def publish_later(self, routing_key: str, payload: dict) -> asyncio.Task:
        return asyncio.create_task(self._exchange.publish(_message(payload), routing_key=routing_key))

    async def publish_many(self, events: list[tuple[str, dict]]) -> None:
        pending = [self._exchange.publish(_message(body), routing_key=key) for key, body in events]
        await asyncio.gather(*pending)

    async def notify_user(self, user_id: str, text: str) -> None:
        self._channel.default_exchange.publish(  # expect: unawaited-publish
            _message({"user": user_id, "text": text}),
            routing_key=f"notifications.{user_id}",
        )

    def forward(self, routing_key: str, payload: dict):
        return self._exchange.publish(_message(payload), routing_key=routing_key)

    async def close(self) -> None:
        await self._connection.close()
