"""Clickstream enrichment: kafka-python consumer and producer."""
import json
import logging
import os

from kafka import KafkaConsumer, KafkaProducer

from analytics.enrich import enrich_click, geo_lookup
from analytics.store import write_session

log = logging.getLogger(__name__)

BOOTSTRAP = os.environ["KAFKA_BOOTSTRAP"].split(",")

producer = KafkaProducer(
    bootstrap_servers=BOOTSTRAP,
    value_serializer=lambda v: json.dumps(v).encode(),
    acks="all",
    retries=5,
)

fire_and_forget = KafkaProducer(bootstrap_servers=BOOTSTRAP, acks=0, linger_ms=50)  # expect: unawaited-publish


def _on_send_error(exc: Exception) -> None:
    log.error("clickstream publish failed: %s", exc)


def run_enrichment() -> None:
    consumer = KafkaConsumer(
        "clicks.raw",
        bootstrap_servers=BOOTSTRAP,
        group_id="click-enricher",
        value_deserializer=lambda b: json.loads(b),
    )
    for msg in consumer:
        try:
            click = enrich_click(msg.value)
        except Exception:  # expect: swallowed-message-error
            log.exception("enrichment failed at offset %s", msg.offset)
            continue
        producer.send("clicks.enriched", click).add_errback(_on_send_error)
        try:
            click["country"] = geo_lookup(click["ip"])
        except Exception:
            log.debug("geo lookup unavailable")
        fire_and_forget.send("clicks.sampled", click)  # expect: unawaited-publish


def run_sessions() -> None:
    consumer = KafkaConsumer(
        "clicks.enriched",
        bootstrap_servers=BOOTSTRAP,
        group_id="sessioniser",
        enable_auto_commit=False,
    )
    for msg in consumer:
        consumer.commit()  # expect: ack-before-processing
        write_session(json.loads(msg.value))


def run_sessions_safely() -> None:
    consumer = KafkaConsumer(
        "clicks.enriched",
        bootstrap_servers=BOOTSTRAP,
        group_id="sessioniser-v2",
        enable_auto_commit=False,
    )
    for msg in consumer:
        session = json.loads(msg.value)
        try:
            write_session(session)
        except Exception:
            log.exception("session write failed, sending to retry topic")
            future = producer.send("clicks.enriched.retry", session)
            future.get(timeout=10)
        consumer.commit()


def publish_session_closed(session_id: str) -> None:
    producer.send("sessions.closed", {"session_id": session_id})  # expect: unawaited-publish
    producer.flush()


def publish_session_opened(session_id: str) -> None:
    metadata = producer.send("sessions.opened", {"session_id": session_id}).get(timeout=10)
    log.info("session opened event at partition %s offset %s", metadata.partition, metadata.offset)
