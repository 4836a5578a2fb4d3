"""kafka-python consumers for the ledger."""
from __future__ import annotations

import json
import logging
import os

from kafka import KafkaConsumer, KafkaProducer

from ledger.posting import post_entry, PostingError

log = logging.getLogger(__name__)
BROKERS = os.environ.get("KAFKA_BROKERS", "localhost:9092").split(",")


def _deserialize(raw: bytes) -> dict:
    return json.loads(raw.decode("utf-8"))


def run_manual_commit() -> None:
    consumer = KafkaConsumer(
        "ledger.entries",
        bootstrap_servers=BROKERS,
        group_id="ledger-poster",
        enable_auto_commit=False,
    )
    for msg in consumer:
        consumer.commit()  # expect: ack-before-processing
        post_entry(_deserialize(msg.value))


def run_commit_after() -> None:
    consumer = KafkaConsumer(
        "ledger.adjustments",
        bootstrap_servers=BROKERS,
        group_id="ledger-adjuster",
        enable_auto_commit=False,
        value_deserializer=_deserialize,
    )
    dlq = KafkaProducer(bootstrap_servers=BROKERS)
    for msg in consumer:
        try:
            post_entry(msg.value)
        except PostingError:
            log.exception("adjustment %s failed, parking it", msg.offset)
            dlq.send("ledger.adjustments.dlq", value=json.dumps(msg.value).encode()).get(timeout=10)
        consumer.commit()


def run_autocommit() -> None:
    consumer = KafkaConsumer("ledger.fx", bootstrap_servers=BROKERS, group_id="ledger-fx")
    for msg in consumer:
        try:
            post_entry(_deserialize(msg.value))
        except PostingError as exc:  # expect: swallowed-message-error
            log.error("fx entry at offset %s failed: %s", msg.offset, exc)


def run_autocommit_optional_metrics() -> None:
    consumer = KafkaConsumer("ledger.closing", bootstrap_servers=BROKERS, group_id="ledger-closing")
    for msg in consumer:
        entry = _deserialize(msg.value)
        post_entry(entry)
        try:
            log.info("closing entry %s posted", entry["id"])
            _emit_metric("ledger.closing.posted")
        except Exception:
            pass


def _emit_metric(name: str) -> None:
    log.debug("metric %s", name)
