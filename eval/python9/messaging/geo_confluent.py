"""confluent-kafka stream processor for geocoding requests from the dispatch service."""
import json
import logging
import os
import signal

from confluent_kafka import Consumer, Producer

log = logging.getLogger("geo-stream")
running = True

consumer = Consumer(
    {
        "bootstrap.servers": os.environ["KAFKA_BROKERS"],
        "group.id": "geo-stream",
        "enable.auto.commit": True,
        "auto.offset.reset": "earliest",
    }
)
producer = Producer({"bootstrap.servers": os.environ["KAFKA_BROKERS"], "acks": "all", "linger.ms": 5})
metrics_producer = Producer({"bootstrap.servers": os.environ["KAFKA_BROKERS"], "acks": 0})  # expect: unawaited-publish


def on_delivery(err, msg):
    if err is not None:
        log.error("delivery to %s failed: %s", msg.topic(), err)


def geocode(req):
    from geo.client import geocode_address

    return geocode_address(req["address"])


def stop(*_):
    global running
    running = False


signal.signal(signal.SIGTERM, stop)


def main():
    consumer.subscribe(["dispatch.geocode-requests"])
    while running:
        msg = consumer.poll(1.0)
        if msg is None or msg.error():
            continue
        try:
            req = json.loads(msg.value())
            result = geocode(req)
            producer.produce("dispatch.geocode-results", json.dumps(result).encode(), on_delivery=on_delivery)
        except Exception:  # expect: swallowed-message-error
            log.exception("geocode failed for %s", msg.key())
        metrics_producer.produce("metrics.geo", b"1")  # expect: unawaited-publish
        producer.poll(0)
    producer.flush(10)
    consumer.close()


if __name__ == "__main__":
    main()
