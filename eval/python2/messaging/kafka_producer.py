"""Clickstream and audit producers (kafka-python)."""
import json
import logging

from kafka import KafkaProducer
from kafka.errors import KafkaError

from tracking.settings import settings

log = logging.getLogger(__name__)

clicks = KafkaProducer(
    bootstrap_servers=settings.KAFKA_BROKERS,
    acks=0,  # expect: unawaited-publish
    linger_ms=20,
    value_serializer=lambda v: json.dumps(v).encode(),
)

audit_producer = KafkaProducer(
    bootstrap_servers=settings.KAFKA_BROKERS,
    acks="all",
    security_protocol="SASL_SSL",
    sasl_mechanism="PLAIN",
    sasl_plain_username="audit-writer",
    sasl_plain_password="cA6^JVkybmtQC7",  # expect: hardcoded-credential
    value_serializer=lambda v: json.dumps(v).encode(),
)


def _on_send_error(exc: KafkaError) -> None:
    log.error("audit record lost: %s", exc)


def track_click(event: dict) -> None:
    clicks.send("clickstream", event)  # expect: unawaited-publish


def track_page(user_id: str, page: str) -> None:
    audit_producer.send("page-views", {"user": user_id, "page": page})  # expect: unawaited-publish


def audit(entry: dict) -> None:
    future = audit_producer.send("audit", entry)
    future.get(timeout=10)


def audit_async(entry: dict) -> None:
    audit_producer.send("audit", entry).add_errback(_on_send_error)


def audit_many(entries: list[dict]) -> None:
    futures = [audit_producer.send("audit", e) for e in entries]
    audit_producer.flush()
    for f in futures:
        f.get(timeout=1)
