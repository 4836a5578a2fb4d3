"""confluent-kafka consumer and producer for ledger postings."""
import json
import logging
import os

from confluent_kafka import Consumer, KafkaException, Producer

from .ledger import LedgerError, post_entry

log = logging.getLogger(__name__)

consumer = Consumer({
    "bootstrap.servers": os.environ["KAFKA_BROKERS"],
    "group.id": "ledger-poster",
    "enable.auto.commit": False,
    "sasl.mechanisms": "PLAIN",
    "sasl.username": "ledger-svc",
    "sasl.password": "Kf9-Ledger-8x2mQ7",  # expect: hardcoded-credential
})
producer = Producer({"bootstrap.servers": os.environ["KAFKA_BROKERS"], "acks": "all", "enable.idempotence": True})
metrics_producer = Producer({"bootstrap.servers": os.environ["KAFKA_BROKERS"], "acks": "0"})  # expect: unawaited-publish


def delivery_report(err, msg) -> None:
    if err is not None:
        log.error("delivery failed for %s: %s", msg.key(), err)


def run() -> None:
    consumer.subscribe(["ledger-postings"])
    while True:
        msg = consumer.poll(1.0)
        if msg is None:
            continue
        if msg.error():
            raise KafkaException(msg.error())
        try:
            entry = json.loads(msg.value())
            post_entry(entry)
            producer.produce("ledger-posted", key=msg.key(), value=msg.value())  # expect: unawaited-publish
        except LedgerError:
            producer.produce("ledger-postings.dead-letter", value=msg.value(), on_delivery=delivery_report)
        except Exception:  # expect: swallowed-message-error
            log.exception("posting failed at offset %s", msg.offset())
        consumer.commit(message=msg, asynchronous=False)
        producer.poll(0)


def emit_metric(name: str, value: float) -> None:
    metrics_producer.produce("metrics", value=json.dumps({"n": name, "v": value}).encode(), callback=delivery_report)
