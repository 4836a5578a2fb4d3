import json
import logging

from kafka import KafkaConsumer, KafkaProducer

from .projections import project

log = logging.getLogger(__name__)

producer = KafkaProducer(bootstrap_servers="kafka:9092", acks=0)  # expect: unawaited-publish
safe_producer = KafkaProducer(bootstrap_servers="kafka:9092", acks="all")


def run():
    consumer = KafkaConsumer("orders", bootstrap_servers="kafka:9092", group_id="projections")
    for msg in consumer:
        try:
            project(json.loads(msg.value))
        except Exception:  # expect: swallowed-message-error
            log.exception("projection failed at offset %s", msg.offset)
        safe_producer.send("orders.projected", msg.value)  # expect: unawaited-publish


def run_with_dlq():
    consumer = KafkaConsumer("payments", bootstrap_servers="kafka:9092", group_id="projections")
    for msg in consumer:
        try:
            project(json.loads(msg.value))
        except Exception:
            safe_producer.send("payments.dlq", msg.value).get(timeout=10)
        future = safe_producer.send("payments.projected", msg.value)
        future.add_errback(lambda e: log.error("publish failed: %s", e))
