"""FastStream service: consumes orders from RabbitMQ, emits audit records to Kafka."""
import json
import logging

from aiokafka import AIOKafkaProducer
from faststream import FastStream
from faststream.rabbit import RabbitBroker, RabbitQueue
from pydantic import BaseModel

from orders.domain import allocate_stock

logger = logging.getLogger(__name__)

broker = RabbitBroker("amqp://guest:guest@rabbitmq:5672/")
app = FastStream(broker)
audit_producer: AIOKafkaProducer | None = None


class OrderPlaced(BaseModel):
    order_id: str
    sku: str
    quantity: int


@app.on_startup
async def start_producer() -> None:
    global audit_producer
    audit_producer = AIOKafkaProducer(bootstrap_servers="kafka:9092", acks="all")
    await audit_producer.start()


@app.on_shutdown
async def stop_producer() -> None:
    if audit_producer is not None:
        await audit_producer.stop()


@broker.subscriber(RabbitQueue("orders.placed", durable=True))
async def on_order_placed(event: OrderPlaced) -> None:
    try:
        allocation = allocate_stock(event.sku, event.quantity)
    except LookupError:
        logger.warning("no stock for %s", event.sku)
        return
    await broker.publish({"order_id": event.order_id, "allocation": allocation}, queue="orders.allocated")
    audit_producer.send("audit.orders", json.dumps({"order": event.order_id, "step": "allocated"}).encode())  # expect: unawaited-publish


@broker.subscriber(RabbitQueue("orders.cancelled", durable=True))
async def on_order_cancelled(order_id: str) -> None:
    await audit_producer.send_and_wait("audit.orders", json.dumps({"order": order_id, "step": "cancelled"}).encode())
    logger.info("order %s cancelled", order_id)
