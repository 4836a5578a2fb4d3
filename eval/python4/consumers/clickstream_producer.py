"""kafka-python producer for clickstream and audit events."""
import json
import logging
import os

from kafka import KafkaProducer

logger = logging.getLogger(__name__)

clicks = KafkaProducer(
    bootstrap_servers=os.environ["KAFKA_BOOTSTRAP"],
    acks=0,  # expect: unawaited-publish
    linger_ms=20,
)
audit = KafkaProducer(bootstrap_servers=os.environ["KAFKA_BOOTSTRAP"], acks="all", retries=5)


def track_click(event: dict) -> None:
    clicks.send("clickstream", json.dumps(event).encode())  # expect: unawaited-publish


def record_audit(entry: dict) -> None:
    audit.send("audit", json.dumps(entry).encode())  # expect: unawaited-publish


def record_audit_sync(entry: dict) -> None:
    metadata = audit.send("audit", json.dumps(entry).encode()).get(timeout=10)
    logger.debug("audit stored at %s:%s", metadata.partition, metadata.offset)


def record_audit_async(entry: dict) -> None:
    audit.send("audit", json.dumps(entry).encode()).add_errback(lambda exc: logger.error("audit lost: %s", exc))
