"""Payment-event processor on confluent-kafka."""
import json
import logging
import os
import signal

from confluent_kafka import Consumer, KafkaError, Producer

from payments.ledger import post_ledger_entry

log = logging.getLogger(__name__)

running = True

producer = Producer({
    "bootstrap.servers": os.environ["KAFKA_BOOTSTRAP"],
    "enable.idempotence": True,
    "acks": "all",
})

metrics_producer = Producer({
    "bootstrap.servers": os.environ["KAFKA_BOOTSTRAP"],
    "acks": 0,  # expect: unawaited-publish
    "linger.ms": 100,
})

audit_config = {"bootstrap.servers": os.environ["KAFKA_BOOTSTRAP"], "acks": "0"}  # expect: unawaited-publish
audit_producer = Producer(audit_config)


def _delivery_report(err, msg) -> None:
    if err is not None:
        log.error("delivery to %s failed: %s", msg.topic(), err)


def _stop(*_args) -> None:
    global running
    running = False


signal.signal(signal.SIGTERM, _stop)


def consume_payments() -> None:
    consumer = Consumer({
        "bootstrap.servers": os.environ["KAFKA_BOOTSTRAP"],
        "group.id": "ledger-writer",
        "enable.auto.commit": False,
        "auto.offset.reset": "earliest",
    })
    consumer.subscribe(["payments.captured"])
    try:
        while running:
            msg = consumer.poll(1.0)
            if msg is None:
                continue
            if msg.error():
                if msg.error().code() != KafkaError._PARTITION_EOF:
                    log.error("consumer error: %s", msg.error())
                continue
            event = json.loads(msg.value())
            try:
                post_ledger_entry(event)
            except Exception:
                log.exception("ledger write failed for %s", event["payment_id"])
                producer.produce("payments.captured.dlq", msg.value(), key=msg.key(), on_delivery=_delivery_report)
            producer.produce("payments.posted", json.dumps({"payment_id": event["payment_id"]}), callback=_delivery_report)
            metrics_producer.produce("metrics.payments", b"1")  # expect: unawaited-publish
            consumer.commit(message=msg, asynchronous=False)
    finally:
        producer.flush(10)
        consumer.close()


def consume_refunds() -> None:
    consumer = Consumer({
        "bootstrap.servers": os.environ["KAFKA_BOOTSTRAP"],
        "group.id": "refund-writer",
    })
    consumer.subscribe(["payments.refunded"])
    while running:
        msg = consumer.poll(1.0)
        if msg is None or msg.error():
            continue
        try:
            post_ledger_entry(json.loads(msg.value()))
        except Exception:  # expect: swallowed-message-error
            log.exception("refund posting failed")
        audit_producer.produce("audit.refunds", msg.value())  # expect: unawaited-publish
    consumer.close()
