import json
import logging

from confluent_kafka import Consumer, Producer

log = logging.getLogger(__name__)

producer = Producer({"bootstrap.servers": "kafka:9092", "acks": "0"})  # expect: unawaited-publish
reliable = Producer({"bootstrap.servers": "kafka:9092", "acks": "all"})


def delivered(err, msg):
    if err:
        log.error("delivery failed: %s", err)


def relay():
    consumer = Consumer({"bootstrap.servers": "kafka:9092", "group.id": "relay", "enable.auto.commit": False})
    consumer.subscribe(["inbound"])
    while True:
        msg = consumer.poll(1.0)
        if msg is None or msg.error():
            continue
        consumer.commit(msg)  # expect: ack-before-processing
        data = json.loads(msg.value())
        reliable.produce("outbound", json.dumps(data).encode(), on_delivery=delivered)
        reliable.produce("outbound.audit", msg.value())  # expect: unawaited-publish
        reliable.poll(0)
