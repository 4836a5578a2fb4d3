"""aiokafka consumer for product analytics events."""
from __future__ import annotations

import json
import logging

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer

from analytics.sink import write_event

log = logging.getLogger(__name__)


class EventPipeline:
    def __init__(self, brokers: str) -> None:
        self.consumer = AIOKafkaConsumer(
            "analytics.events", bootstrap_servers=brokers, group_id="analytics-sink"
        )
        self.producer = AIOKafkaProducer(bootstrap_servers=brokers)

    async def run(self) -> None:
        await self.consumer.start()
        await self.producer.start()
        try:
            async for msg in self.consumer:
                try:
                    await write_event(json.loads(msg.value))
                except Exception:
                    log.exception("event at %s failed, routing to retry topic", msg.offset)
                    await self.producer.send_and_wait("analytics.events.retry", msg.value)
        finally:
            await self.consumer.stop()
            await self.producer.stop()

    async def run_sessions(self, brokers: str) -> None:
        consumer = AIOKafkaConsumer("analytics.sessions", bootstrap_servers=brokers, group_id="sessions")
        await consumer.start()
        try:
            async for msg in consumer:
                try:
                    await write_event(json.loads(msg.value))
                except json.JSONDecodeError:  # expect: swallowed-message-error
                    log.warning("undecodable session event at %s", msg.offset)
        finally:
            await consumer.stop()
