"""confluent-kafka payment events consumer."""
from __future__ import annotations

import json
import logging
import os
import signal

from confluent_kafka import Consumer, KafkaError, KafkaException, Producer

from payments.handlers import handle_payment_event

log = logging.getLogger(__name__)
running = True


def _stop(*_):
    global running
    running = False


def _delivery_report(err, msg) -> None:
    if err is not None:
        log.error("dead-letter delivery failed: %s", err)


def consume_payments() -> None:
    consumer = Consumer(
        {
            "bootstrap.servers": os.environ["KAFKA_BROKERS"],
            "group.id": "payments-worker",
            "enable.auto.commit": False,
            "auto.offset.reset": "earliest",
        }
    )
    dead_letters = Producer({"bootstrap.servers": os.environ["KAFKA_BROKERS"], "acks": "all"})
    consumer.subscribe(["payments.events"])
    signal.signal(signal.SIGTERM, _stop)
    try:
        while running:
            msg = consumer.poll(1.0)
            if msg is None:
                continue
            if msg.error():
                if msg.error().code() == KafkaError._PARTITION_EOF:
                    continue
                raise KafkaException(msg.error())
            try:
                handle_payment_event(json.loads(msg.value()))
            except Exception:
                log.exception("payment event failed; sending to DLQ")
                dead_letters.produce("payments.events.dlq", msg.value(), on_delivery=_delivery_report)
                dead_letters.poll(0)
            consumer.commit(message=msg, asynchronous=False)
    finally:
        consumer.close()


def consume_refunds() -> None:
    consumer = Consumer(
        {"bootstrap.servers": os.environ["KAFKA_BROKERS"], "group.id": "refunds-worker"}
    )
    consumer.subscribe(["payments.refunds"])
    while running:
        msg = consumer.poll(timeout=1.0)
        if msg is None or msg.error():
            continue
        try:
            handle_payment_event(json.loads(msg.value()))
        except (ValueError, KeyError):  # expect: swallowed-message-error
            log.warning("refund event at %s skipped", msg.offset())
    consumer.close()


def consume_chargebacks() -> None:
    consumer = Consumer(
        {"bootstrap.servers": os.environ["KAFKA_BROKERS"], "group.id": "cb-worker", "enable.auto.commit": False}
    )
    consumer.subscribe(["payments.chargebacks"])
    while running:
        msg = consumer.poll(1.0)
        if msg is None or msg.error():
            continue
        consumer.commit(message=msg)  # expect: ack-before-processing
        handle_payment_event(json.loads(msg.value()))
