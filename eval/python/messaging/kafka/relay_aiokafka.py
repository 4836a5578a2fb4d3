"""Order-event relay on aiokafka."""
import asyncio
import json
import logging
import os

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer

from relay.sinks import push_to_warehouse, push_to_crm

log = logging.getLogger(__name__)

BOOTSTRAP = os.environ["KAFKA_BOOTSTRAP"]


class OrderRelay:
    def __init__(self) -> None:
        self.producer = AIOKafkaProducer(bootstrap_servers=BOOTSTRAP, acks="all")
        self.pending: list[asyncio.Future] = []

    async def announce(self, order: dict) -> None:
        self.producer.send("orders.announced", json.dumps(order).encode())  # expect: unawaited-publish

    async def announce_and_wait(self, order: dict) -> None:
        await self.producer.send_and_wait("orders.announced", json.dumps(order).encode())

    async def mirror(self, order: dict) -> None:
        self.producer.send_and_wait("orders.mirror", json.dumps(order).encode())  # expect: unawaited-publish

    async def fan_out(self, order: dict) -> None:
        await asyncio.gather(
            self.producer.send_and_wait("orders.warehouse", json.dumps(order).encode()),
            self.producer.send_and_wait("orders.crm", json.dumps(order).encode()),
        )

    def schedule(self, order: dict) -> asyncio.Task:
        return asyncio.create_task(self.producer.send_and_wait("orders.scheduled", json.dumps(order).encode()))

    async def batch(self, orders: list[dict]) -> None:
        for order in orders:
            self.pending.append(await self.producer.send("orders.batch", json.dumps(order).encode()))
        await asyncio.gather(*self.pending)
        self.pending.clear()


async def relay_orders() -> None:
    consumer = AIOKafkaConsumer(
        "orders.placed",
        bootstrap_servers=BOOTSTRAP,
        group_id="order-relay",
        enable_auto_commit=False,
    )
    relay = OrderRelay()
    await consumer.start()
    await relay.producer.start()
    try:
        async for msg in consumer:
            await consumer.commit()  # expect: ack-before-processing
            order = json.loads(msg.value)
            await push_to_warehouse(order)
            await relay.announce_and_wait(order)
    finally:
        await consumer.stop()
        await relay.producer.stop()


async def relay_crm() -> None:
    consumer = AIOKafkaConsumer("orders.placed", bootstrap_servers=BOOTSTRAP, group_id="crm-relay")
    await consumer.start()
    try:
        async for msg in consumer:
            order = json.loads(msg.value)
            try:
                await push_to_crm(order)
            except Exception:  # expect: swallowed-message-error
                log.exception("crm push failed for %s", order.get("order_id"))
    finally:
        await consumer.stop()
