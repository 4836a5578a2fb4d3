"""aio-pika worker for webhook fan-out jobs."""
import asyncio
import json
import logging
import os

import aio_pika
import httpx

logger = logging.getLogger(__name__)
client = httpx.AsyncClient(timeout=httpx.Timeout(10.0))


async def deliver(job: dict) -> None:
    resp = await client.post(job["url"], json=job["payload"], headers={"Idempotency-Key": job["id"]})
    resp.raise_for_status()


async def on_delivery(message: aio_pika.abc.AbstractIncomingMessage) -> None:
    async with message.process():
        await deliver(json.loads(message.body))


async def on_retry_job(message: aio_pika.abc.AbstractIncomingMessage) -> None:
    job = json.loads(message.body)
    try:
        await deliver(job)
    except httpx.HTTPError:
        logger.warning("job %s failed, requeueing", job["id"])
        await message.nack()  # expect: poison-message-requeue
        return
    await message.ack()


async def on_priority_job(message: aio_pika.abc.AbstractIncomingMessage) -> None:
    job = json.loads(message.body)
    try:
        await deliver(job)
    except httpx.HTTPError:
        if message.redelivered:
            await message.reject(requeue=False)
        else:
            await message.nack(requeue=True)
        return
    await message.ack()


async def on_metrics(message: aio_pika.abc.AbstractIncomingMessage) -> None:
    logger.debug("metrics sample %s", message.body[:64])


async def main() -> None:
    connection = await aio_pika.connect_robust(os.environ["AMQP_URL"])
    channel = await connection.channel()
    await channel.set_qos(prefetch_count=10)
    exchange = await channel.declare_exchange("deliveries", aio_pika.ExchangeType.TOPIC, durable=True)
    jobs = await channel.declare_queue("deliveries.jobs", durable=True)
    retries = await channel.declare_queue("deliveries.retry", durable=True)
    priority = await channel.declare_queue("deliveries.priority", durable=True)
    metrics = await channel.declare_queue("deliveries.metrics")
    await jobs.consume(on_delivery)
    await retries.consume(on_retry_job)
    await priority.consume(on_priority_job)
    await metrics.consume(on_metrics, no_ack=True)  # expect: ack-before-processing
    exchange.publish(aio_pika.Message(body=b'{"event":"worker.started"}'), routing_key="lifecycle")  # expect: unawaited-publish
    await exchange.publish(aio_pika.Message(body=b'{"event":"worker.ready"}'), routing_key="lifecycle")
    channel.default_exchange.publish(aio_pika.Message(body=b"hello"), routing_key="deliveries.jobs")  # expect: unawaited-publish
    await asyncio.Future()


if __name__ == "__main__":
    asyncio.run(main())
