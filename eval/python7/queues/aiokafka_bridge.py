import asyncio
import json

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer


async def bridge():
    consumer = AIOKafkaConsumer("clicks", bootstrap_servers="kafka:9092", group_id="bridge")
    producer = AIOKafkaProducer(bootstrap_servers="kafka:9092")
    await consumer.start()
    await producer.start()
    pending = []
    try:
        async for msg in consumer:
            click = json.loads(msg.value)
            producer.send("clicks.enriched", json.dumps(click).encode())  # expect: unawaited-publish
            pending.append(producer.send("clicks.raw", msg.value))
            await producer.send_and_wait("clicks.count", b"1")
            if len(pending) > 100:
                await asyncio.gather(*pending)
                pending.clear()
    finally:
        await consumer.stop()
        await producer.stop()
