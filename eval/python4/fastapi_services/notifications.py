"""Publishes notification events to Kafka from an async FastAPI service."""
import asyncio
import json
import os
from contextlib import asynccontextmanager

from aiokafka import AIOKafkaProducer
from fastapi import FastAPI

producer: AIOKafkaProducer | None = None


@asynccontextmanager
async def lifespan(app: FastAPI):
    global producer
    producer = AIOKafkaProducer(bootstrap_servers=os.environ["KAFKA_BOOTSTRAP"], acks="all")
    await producer.start()
    yield
    await producer.stop()


app = FastAPI(lifespan=lifespan)


@app.post("/notifications")
async def notify(payload: dict):
    value = json.dumps(payload).encode()
    await producer.send_and_wait("notifications", value)
    producer.send("notifications.audit", value)  # expect: unawaited-publish
    return {"sent": True}


@app.post("/notifications/bulk")
async def notify_bulk(payloads: list[dict]):
    pending = [producer.send("notifications", json.dumps(p).encode()) for p in payloads]
    await asyncio.gather(*pending)
    asyncio.create_task(producer.send("notifications.audit", b"bulk"))
    return {"sent": len(payloads)}


@app.post("/notifications/fire-and-forget")
async def notify_fast(payload: dict):
    producer.send_and_wait("notifications.low", json.dumps(payload).encode())  # expect: unawaited-publish
    return {"accepted": True}
