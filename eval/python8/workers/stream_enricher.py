"""Stream processor (Kafka Streams style): clicks -> enriched clicks, with confluent-kafka."""
import json
import logging
import signal

from confluent_kafka import Consumer, KafkaError, Producer

from clicks.enrich import enrich_click
from clicks.settings import BOOTSTRAP

logger = logging.getLogger(__name__)

consumer = Consumer(
    {
        "bootstrap.servers": BOOTSTRAP,
        "group.id": "click-enricher",
        "enable.auto.commit": False,
        "auto.offset.reset": "earliest",
    }
)
producer = Producer({"bootstrap.servers": BOOTSTRAP, "acks": "all", "enable.idempotence": True})
metrics_producer = Producer({"bootstrap.servers": BOOTSTRAP, "acks": 0, "linger.ms": 50})  # expect: unawaited-publish
running = True


def delivery_report(err, msg) -> None:
    if err is not None:
        logger.error("delivery to %s failed: %s", msg.topic(), err)


def _stop(*_args) -> None:
    global running
    running = False


def run() -> None:
    signal.signal(signal.SIGTERM, _stop)
    consumer.subscribe(["clicks.raw"])
    try:
        while running:
            msg = consumer.poll(1.0)
            if msg is None:
                continue
            if msg.error():
                if msg.error().code() != KafkaError._PARTITION_EOF:
                    logger.error("consumer error: %s", msg.error())
                continue
            try:
                click = json.loads(msg.value())
                enriched = enrich_click(click)
                producer.produce("clicks.enriched", key=msg.key(), value=json.dumps(enriched), on_delivery=delivery_report)
            except Exception:  # expect: swallowed-message-error
                logger.exception("could not enrich click at offset %s", msg.offset())
            metrics_producer.produce("metrics.clicks", value=b"1")  # expect: unawaited-publish
            producer.poll(0)
            consumer.commit(message=msg, asynchronous=False)
    finally:
        producer.flush(10)
        metrics_producer.flush(1)
        consumer.close()


if __name__ == "__main__":
    run()
