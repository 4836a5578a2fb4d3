"""Ledger, notification and invoice consumers (kafka-python)."""
import json
import logging

from kafka import KafkaConsumer, KafkaProducer

from ledger.book import ledger
from ledger.invoicing import InvoiceError, invoicing
from ledger.metrics import statsd
from ledger.notify import DeliveryError, notifier
from ledger.settings import BROKERS

log = logging.getLogger(__name__)

dlq = KafkaProducer(bootstrap_servers=BROKERS, acks="all", value_serializer=lambda v: json.dumps(v).encode())


def run_ledger() -> None:
    consumer = KafkaConsumer(
        "payments",
        bootstrap_servers=BROKERS,
        group_id="ledger",
        enable_auto_commit=False,
        value_deserializer=lambda raw: json.loads(raw),
    )
    for msg in consumer:
        consumer.commit()  # expect: ack-before-processing
        ledger.apply(msg.value)


def run_notifications() -> None:
    consumer = KafkaConsumer("notifications", bootstrap_servers=BROKERS, group_id="notifier")
    for msg in consumer:
        try:
            notifier.deliver(json.loads(msg.value))
        except DeliveryError:  # expect: swallowed-message-error
            log.exception("notification at offset %s failed", msg.offset)
        try:
            statsd.incr("notifications.consumed")
        except OSError:
            pass


def run_invoices() -> None:
    consumer = KafkaConsumer(
        "invoices",
        bootstrap_servers=BROKERS,
        group_id="invoicing",
        enable_auto_commit=False,
        value_deserializer=lambda raw: json.loads(raw),
    )
    for msg in consumer:
        try:
            invoicing.handle(msg.value)
        except InvoiceError:
            log.exception("invoice failed, parking it")
            dlq.send("invoices.dlq", value=msg.value)  # expect: unawaited-publish
        consumer.commit()


def run_credit_notes() -> None:
    consumer = KafkaConsumer("credit-notes", bootstrap_servers=BROKERS, group_id="invoicing", enable_auto_commit=False)
    for msg in consumer:
        note = json.loads(msg.value)
        try:
            invoicing.credit(note)
        except InvoiceError:
            dlq.send("credit-notes.dlq", value=note).get(timeout=10)
        consumer.commit()
