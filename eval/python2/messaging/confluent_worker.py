"""Shipping service on Confluent Kafka: produces shipment events, consumes booking requests."""
import json
import logging

from confluent_kafka import Consumer, KafkaException, Producer

from shipping.booking import BookingError, book
from shipping.settings import settings

log = logging.getLogger(__name__)

BASE_CONF = {
    "bootstrap.servers": settings.KAFKA_BROKERS,
    "security.protocol": "SASL_SSL",
    "sasl.mechanisms": "PLAIN",
    "sasl.username": settings.KAFKA_USER,
    "sasl.password": "Xq7LmN2pRt9vKs4w",  # expect: hardcoded-credential
}

fast_producer = Producer({
    **BASE_CONF,
    "acks": 0,  # expect: unawaited-publish
    "linger.ms": 5,
})
producer = Producer({**BASE_CONF, "acks": "all", "enable.idempotence": True})


def _delivery_report(err, msg) -> None:
    if err is not None:
        log.error("delivery to %s failed: %s", msg.topic(), err)


def publish_shipment(event: dict) -> None:
    producer.produce("shipments", key=event["id"], value=json.dumps(event))  # expect: unawaited-publish
    producer.poll(0)


def publish_return(event: dict) -> None:
    producer.produce("returns", key=event["id"], value=json.dumps(event), on_delivery=_delivery_report)
    producer.poll(0)


def publish_position(vehicle_id: str, lat: float, lon: float) -> None:
    fast_producer.produce(
        "positions",
        key=vehicle_id,
        value=json.dumps({"lat": lat, "lon": lon}),
        callback=_delivery_report,
    )


def consume_bookings() -> None:
    consumer = Consumer({
        **BASE_CONF,
        "group.id": "shipping",
        "enable.auto.commit": False,
        "auto.offset.reset": "earliest",
    })
    consumer.subscribe(["booking-requests"])
    running = True
    try:
        while running:
            msg = consumer.poll(1.0)
            if msg is None:
                continue
            if msg.error():
                raise KafkaException(msg.error())
            try:
                book(json.loads(msg.value()))
            except BookingError as exc:  # expect: swallowed-message-error
                log.warning("booking failed for %s: %s", msg.key(), exc)
            consumer.commit(message=msg, asynchronous=False)
    finally:
        consumer.close()
        producer.flush(10)
