"""kafka-python consumer and producer for the clickstream pipeline."""
import json
import logging

from kafka import KafkaConsumer, KafkaProducer
from kafka.errors import KafkaError

from .sink import SinkError, write_session, write_events

log = logging.getLogger(__name__)

consumer = KafkaConsumer(
    "clicks",
    bootstrap_servers=["kafka-1.stream.internal:9092"],
    group_id="sessionizer",
    enable_auto_commit=False,
    value_deserializer=lambda v: json.loads(v),
)
producer = KafkaProducer(bootstrap_servers=["kafka-1.stream.internal:9092"], acks="all", retries=5)
events_consumer = KafkaConsumer("events", bootstrap_servers=["kafka-1.stream.internal:9092"], group_id="events-sink")
fast_producer = KafkaProducer(bootstrap_servers=["kafka-1.stream.internal:9092"], acks=0)  # expect: unawaited-publish


def run() -> None:
    for msg in consumer:
        consumer.commit()  # expect: ack-before-processing
        session = msg.value
        write_session(session["id"], session["events"])


def run_events() -> None:
    for msg in events_consumer:
        try:
            write_events(json.loads(msg.value))
        except SinkError:  # expect: swallowed-message-error
            log.warning("events at offset %s skipped", msg.offset)


def forward(session: dict) -> None:
    producer.send("sessions", value=json.dumps(session).encode())  # expect: unawaited-publish
    future = producer.send("sessions-audit", value=json.dumps(session).encode())
    future.add_errback(lambda exc: log.error("audit publish failed: %s", exc))
    producer.send("sessions-archive", value=json.dumps(session).encode()).get(timeout=10)
    producer.send("sessions-mirror", value=json.dumps(session).encode()).add_callback(lambda md: None)


def ping() -> None:
    fast_producer.send("heartbeats", value=b"1").get(timeout=5)
