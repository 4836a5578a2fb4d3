import asyncio
import json
import logging
import os

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer

from clicks import aggregate

log = logging.getLogger(__name__)
BROKERS = os.environ["KAFKA_BROKERS"]
producer = AIOKafkaProducer(bootstrap_servers=BROKERS, acks="all")


async def consume() -> None:
    consumer = AIOKafkaConsumer("clicks", bootstrap_servers=BROKERS, group_id="click-agg", enable_auto_commit=False)
    await consumer.start()
    try:
        async for msg in consumer:
            try:
                await aggregate(json.loads(msg.value))
            except json.JSONDecodeError:
                await producer.send_and_wait("clicks.dlq", msg.value)
            except Exception:  # expect: swallowed-message-error
                log.exception("aggregate failed")
            await consumer.commit()
    finally:
        await consumer.stop()


async def consume_auto() -> None:
    consumer = AIOKafkaConsumer("click-summaries", bootstrap_servers=BROKERS, group_id="summary-store")
    await consumer.start()
    try:
        async for msg in consumer:
            try:
                await aggregate(json.loads(msg.value))
            except Exception:
                log.exception("summary failed")
                raise
    finally:
        await consumer.stop()


async def publish_clicks(clicks: list[dict]) -> None:
    for click in clicks:
        producer.send("clicks", json.dumps(click).encode())  # expect: unawaited-publish
    await producer.flush()


async def publish_summary(summary: dict) -> None:
    await producer.send_and_wait("click-summaries", json.dumps(summary).encode())
    pending = [producer.send("click-audit", json.dumps(item).encode()) for item in summary["items"]]
    await asyncio.gather(*pending)
