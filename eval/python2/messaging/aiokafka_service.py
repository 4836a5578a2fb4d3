"""Event projector and API event emitter (aiokafka)."""
import asyncio
import json
import logging

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer

from projector.handlers import ProjectionError, projector
from projector.settings import BROKERS

log = logging.getLogger(__name__)
producer = AIOKafkaProducer(bootstrap_servers=BROKERS, acks="all")


async def emit(events: list[dict]) -> None:
    for event in events:
        producer.send("api-events", json.dumps(event).encode())  # expect: unawaited-publish


async def emit_critical(event: dict) -> None:
    await producer.send_and_wait("api-events.critical", json.dumps(event).encode())


async def emit_audit(event: dict) -> None:
    producer.send_and_wait("audit", json.dumps(event).encode())  # expect: unawaited-publish


async def emit_batch(events: list[dict]) -> None:
    results = [producer.send("api-events", json.dumps(e).encode()) for e in events]
    await asyncio.gather(*results)


async def project() -> None:
    consumer = AIOKafkaConsumer("api-events", bootstrap_servers=BROKERS, group_id="projector")
    await consumer.start()
    try:
        async for msg in consumer:
            try:
                await projector.apply(json.loads(msg.value))
            except ProjectionError:  # expect: swallowed-message-error
                log.exception("projection failed at %s/%s", msg.partition, msg.offset)
    finally:
        await consumer.stop()


async def project_orders() -> None:
    consumer = AIOKafkaConsumer(
        "orders", bootstrap_servers=BROKERS, group_id="order-projector", enable_auto_commit=False
    )
    await consumer.start()
    try:
        async for msg in consumer:
            try:
                payload = json.loads(msg.value)
            except json.JSONDecodeError:
                log.warning("skipping malformed order event at offset %s", msg.offset)
                await consumer.commit()
                continue
            await projector.apply_order(payload)
            await consumer.commit()
    finally:
        await consumer.stop()
