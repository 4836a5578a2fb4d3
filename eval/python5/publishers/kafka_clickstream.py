"""Kafka producers for clickstream and audit events."""
from __future__ import annotations

import json
import logging
import os

from aiokafka import AIOKafkaProducer
from confluent_kafka import Producer
from kafka import KafkaProducer

log = logging.getLogger(__name__)
BROKERS = os.environ.get("KAFKA_BROKERS", "localhost:9092")

clicks = KafkaProducer(
    bootstrap_servers=BROKERS,
    acks=0,  # expect: unawaited-publish
    linger_ms=20,
    value_serializer=lambda v: json.dumps(v).encode(),
)
audit = KafkaProducer(bootstrap_servers=BROKERS, acks="all", value_serializer=lambda v: json.dumps(v).encode())

fast_producer = Producer({"bootstrap.servers": BROKERS, "acks": "0", "linger.ms": 5})  # expect: unawaited-publish
safe_producer = Producer({"bootstrap.servers": BROKERS, "acks": "all", "enable.idempotence": True})


def _on_send_error(exc: Exception) -> None:
    log.error("audit publish failed: %s", exc)


def _on_delivery(err, msg) -> None:
    if err:
        log.error("delivery failed for %s: %s", msg.topic(), err)


def track_click(event: dict) -> None:
    clicks.send("clickstream", value=event)  # expect: unawaited-publish


def record_audit(event: dict) -> None:
    audit.send("audit", value=event).add_errback(_on_send_error)


def record_audit_sync(event: dict) -> None:
    future = audit.send("audit", value=event)
    future.get(timeout=10)


def emit_page_view(event: dict) -> None:
    fast_producer.produce("pageviews", json.dumps(event).encode())  # expect: unawaited-publish
    fast_producer.poll(0)


def emit_purchase(event: dict) -> None:
    safe_producer.produce("purchases", json.dumps(event).encode(), on_delivery=_on_delivery)
    safe_producer.poll(0)


def emit_refund(event: dict) -> None:
    safe_producer.produce(topic="refunds", value=json.dumps(event).encode(), callback=_on_delivery)


def flush_all() -> None:
    safe_producer.produce("heartbeats", b"{}")  # expect: unawaited-publish
    safe_producer.flush(10)


class AsyncAuditPublisher:
    def __init__(self) -> None:
        self.producer = AIOKafkaProducer(bootstrap_servers=BROKERS)

    async def start(self) -> None:
        await self.producer.start()

    async def publish(self, event: dict) -> None:
        await self.producer.send_and_wait("audit.async", json.dumps(event).encode())

    async def publish_nowait(self, event: dict) -> None:
        self.producer.send("audit.async", json.dumps(event).encode())  # expect: unawaited-publish

    async def publish_batch(self, events: list[dict]) -> None:
        futures = []
        for event in events:
            futures.append(await self.producer.send("audit.async", json.dumps(event).encode()))
        for fut in futures:
            await fut

    async def publish_and_forget_wait(self, event: dict) -> None:
        self.producer.send_and_wait("audit.async", json.dumps(event).encode())  # expect: unawaited-publish
