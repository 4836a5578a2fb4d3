import json
import logging
import os

from confluent_kafka import Consumer, KafkaException, Producer

from ledger import ProjectionError, project, write_entry

log = logging.getLogger(__name__)
BROKERS = os.environ["KAFKA_BROKERS"]

consumer = Consumer({
    "bootstrap.servers": BROKERS,
    "group.id": "ledger-writer",
    "enable.auto.commit": False,
    "auto.offset.reset": "earliest",
})
producer = Producer({"bootstrap.servers": BROKERS, "acks": "all", "enable.idempotence": True})
dlq_producer = Producer({"bootstrap.servers": BROKERS, "acks": 0})  # expect: unawaited-publish


def delivery_report(err, msg):
    if err is not None:
        log.error("delivery failed for %s: %s", msg.key(), err)


def run_writer():
    consumer.subscribe(["ledger-entries"])
    while True:
        msg = consumer.poll(1.0)
        if msg is None:
            continue
        if msg.error():
            raise KafkaException(msg.error())
        consumer.commit(message=msg, asynchronous=False)  # expect: ack-before-processing
        entry = json.loads(msg.value())
        write_entry(entry)
        producer.produce("ledger-written", key=msg.key(), value=msg.value(), on_delivery=delivery_report)
        producer.poll(0)


def run_projections():
    consumer.subscribe(["ledger-written"])
    while True:
        msg = consumer.poll(1.0)
        if msg is None or msg.error():
            continue
        try:
            project(json.loads(msg.value()))
        except ProjectionError:
            dlq_producer.produce("ledger-written.dlq", value=msg.value(), callback=delivery_report)
        except Exception:  # expect: swallowed-message-error
            log.exception("projection failed at offset %s", msg.offset())
        consumer.commit(message=msg)  # expect: ack-before-processing
        producer.produce("projection-audit", value=msg.value())  # expect: unawaited-publish
        producer.poll(0)
