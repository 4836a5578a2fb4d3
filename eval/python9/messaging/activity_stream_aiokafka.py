"""aiokafka producer and consumer for the tenant activity stream (Home-Assistant-style device events)."""
import asyncio
import json
import logging
import os

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer

log = logging.getLogger("activity-stream")
BROKERS = os.environ.get("KAFKA_BROKERS", "kafka:9092")


async def store(event):
    from activity.store import save_event

    await save_event(event)


async def publish_events(producer: AIOKafkaProducer, events):
    for event in events:
        producer.send("activity.events", json.dumps(event).encode())  # expect: unawaited-publish
    await producer.flush()


async def publish_events_safely(producer: AIOKafkaProducer, events):
    pending = [producer.send("activity.events", json.dumps(e).encode()) for e in events]
    await asyncio.gather(*pending)


async def publish_one(producer: AIOKafkaProducer, event):
    await producer.send_and_wait("activity.events", json.dumps(event).encode())


async def consume():
    consumer = AIOKafkaConsumer("activity.events", bootstrap_servers=BROKERS, group_id="activity-store")
    await consumer.start()
    try:
        async for msg in consumer:
            try:
                await store(json.loads(msg.value))
            except Exception:  # expect: swallowed-message-error
                log.exception("could not store event at offset %s", msg.offset)
    finally:
        await consumer.stop()


async def consume_with_retry_topic(producer: AIOKafkaProducer):
    consumer = AIOKafkaConsumer("activity.events", bootstrap_servers=BROKERS, group_id="activity-store-v2")
    await consumer.start()
    try:
        async for msg in consumer:
            try:
                await store(json.loads(msg.value))
            except Exception:
                await producer.send_and_wait("activity.events.retry", msg.value)
    finally:
        await consumer.stop()


async def main():
    producer = AIOKafkaProducer(bootstrap_servers=BROKERS)
    await producer.start()
    try:
        await asyncio.gather(consume(), consume_with_retry_topic(producer))
    finally:
        await producer.stop()


if __name__ == "__main__":
    asyncio.run(main())
