"""confluent-kafka consumer that enriches orders and republishes them."""
import json
import logging
import os

from confluent_kafka import Consumer, KafkaException, Producer

from .enrichment import enrich_order

logger = logging.getLogger(__name__)

consumer = Consumer({
    "bootstrap.servers": os.environ["KAFKA_BOOTSTRAP"],
    "group.id": "order-enricher",
    "auto.offset.reset": "earliest",
})
producer = Producer({"bootstrap.servers": os.environ["KAFKA_BOOTSTRAP"], "acks": "all"})
metrics_producer = Producer({
    "bootstrap.servers": os.environ["KAFKA_BOOTSTRAP"],
    "acks": 0,  # expect: unawaited-publish
    "linger.ms": 50,
})


def on_delivery(err, msg):
    if err is not None:
        logger.error("delivery to %s failed: %s", msg.topic(), err)


def run() -> None:
    consumer.subscribe(["orders.raw"])
    while True:
        msg = consumer.poll(1.0)
        if msg is None:
            continue
        if msg.error():
            raise KafkaException(msg.error())
        try:
            order = enrich_order(json.loads(msg.value()))
        except Exception:  # expect: swallowed-message-error
            logger.exception("could not enrich order at offset %s", msg.offset())
            continue
        producer.produce("orders.enriched", json.dumps(order).encode(), key=msg.key(), on_delivery=on_delivery)
        producer.produce("orders.audit", msg.value(), key=msg.key())  # expect: unawaited-publish
        metrics_producer.produce("metrics.orders", b"1", callback=on_delivery)
        producer.poll(0)
