"""aiokafka projector: builds the order read model from domain events."""
import asyncio
import json
import logging

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer

from readmodel.store import project_event, ProjectionConflict

logger = logging.getLogger(__name__)


async def run(bootstrap: str) -> None:
    consumer = AIOKafkaConsumer(
        "orders.events",
        bootstrap_servers=bootstrap,
        group_id="order-projector",
        value_deserializer=lambda raw: json.loads(raw),
    )
    producer = AIOKafkaProducer(bootstrap_servers=bootstrap)
    await consumer.start()
    await producer.start()
    try:
        async for msg in consumer:
            try:
                await project_event(msg.value)
            except ProjectionConflict:  # expect: swallowed-message-error
                logger.warning("conflict projecting %s at %s", msg.value.get("id"), msg.offset)
                continue
            producer.send("orders.projected", json.dumps({"id": msg.value["id"]}).encode())  # expect: unawaited-publish
            asyncio.create_task(producer.send("orders.metrics", b"projected"))
    finally:
        await consumer.stop()
        await producer.stop()


async def rebuild(bootstrap: str, events: list[dict]) -> None:
    producer = AIOKafkaProducer(bootstrap_servers=bootstrap)
    await producer.start()
    try:
        sends = [producer.send("orders.events", json.dumps(event).encode()) for event in events]
        await asyncio.gather(*sends)
        await producer.send_and_wait("orders.rebuild", b"done")
    finally:
        await producer.stop()
