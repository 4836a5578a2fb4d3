import asyncio
import json
import logging

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer

from .enrich import EnrichError, enrich

log = logging.getLogger(__name__)


async def main() -> None:
    consumer = AIOKafkaConsumer("raw-profiles", bootstrap_servers="kafka:9092", group_id="enricher", enable_auto_commit=False)
    producer = AIOKafkaProducer(bootstrap_servers="kafka:9092", acks="all")
    await consumer.start()
    await producer.start()
    try:
        async for msg in consumer:
            profile = json.loads(msg.value)
            try:
                enriched = await enrich(profile)
            except EnrichError:
                await producer.send_and_wait("raw-profiles.retry", msg.value)
                await consumer.commit()
                continue
            producer.send("profiles", json.dumps(enriched).encode())  # expect: unawaited-publish
            await producer.send_and_wait("profiles-audit", json.dumps({"id": profile["id"]}).encode())
            await consumer.commit()
    finally:
        await consumer.stop()
        await producer.stop()


async def replay() -> None:
    consumer = AIOKafkaConsumer("profiles-replay", bootstrap_servers="kafka:9092", group_id="replayer", enable_auto_commit=False)
    producer = AIOKafkaProducer(bootstrap_servers="kafka:9092")
    await consumer.start()
    await producer.start()
    async for msg in consumer:
        await consumer.commit()  # expect: ack-before-processing
        enriched = await enrich(json.loads(msg.value))
        batch = [producer.send("profiles", json.dumps(enriched).encode())]
        await asyncio.gather(*batch)


async def backfill() -> None:
    consumer = AIOKafkaConsumer("profiles-backfill", bootstrap_servers="kafka:9092", group_id="backfill")
    producer = AIOKafkaProducer(bootstrap_servers="kafka:9092")
    await consumer.start()
    await producer.start()
    async for msg in consumer:
        try:
            enriched = await enrich(json.loads(msg.value))
            await producer.send_and_wait("profiles", json.dumps(enriched).encode())
        except EnrichError:  # expect: swallowed-message-error
            log.info("backfill skipped %s", msg.key)
