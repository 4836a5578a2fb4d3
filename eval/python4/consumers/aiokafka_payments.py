"""aiokafka consumer: settles payment events against the ledger."""
import asyncio
import json
import logging
import os

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer

from .ledger import settle

logger = logging.getLogger(__name__)


async def consume_settlements() -> None:
    consumer = AIOKafkaConsumer(
        "payments.captured",
        bootstrap_servers=os.environ["KAFKA_BOOTSTRAP"],
        group_id="settlement",
        enable_auto_commit=False,
    )
    await consumer.start()
    try:
        async for msg in consumer:
            await consumer.commit()  # expect: ack-before-processing
            event = json.loads(msg.value)
            await settle(event["payment_id"], event["amount"])
    finally:
        await consumer.stop()


async def consume_refunds() -> None:
    consumer = AIOKafkaConsumer(
        "payments.refunded",
        bootstrap_servers=os.environ["KAFKA_BOOTSTRAP"],
        group_id="settlement-refunds",
        enable_auto_commit=False,
    )
    producer = AIOKafkaProducer(bootstrap_servers=os.environ["KAFKA_BOOTSTRAP"])
    await consumer.start()
    await producer.start()
    async for msg in consumer:
        event = json.loads(msg.value)
        try:
            await settle(event["payment_id"], -event["amount"])
        except Exception:
            logger.exception("refund settlement failed, parking %s", event["payment_id"])
            await producer.send_and_wait("payments.refunded.parking", msg.value)
        await consumer.commit()


async def consume_chargebacks() -> None:
    consumer = AIOKafkaConsumer("payments.chargeback", bootstrap_servers=os.environ["KAFKA_BOOTSTRAP"], group_id="cb")
    await consumer.start()
    async for msg in consumer:
        event = json.loads(msg.value)
        try:
            await settle(event["payment_id"], -event["amount"])
        except ValueError:  # expect: swallowed-message-error
            logger.error("chargeback %s rejected by ledger", event["payment_id"])


if __name__ == "__main__":
    asyncio.run(consume_settlements())
