import json
import logging
import os
from smtplib import SMTPRecipientsRefused

from kafka import KafkaConsumer, KafkaProducer

from mail import send_welcome

log = logging.getLogger(__name__)
BROKERS = os.environ["KAFKA_BROKERS"].split(",")

consumer = KafkaConsumer(
    "signups",
    bootstrap_servers=BROKERS,
    group_id="welcome-mailer",
    value_deserializer=lambda v: json.loads(v),
)
metrics = KafkaProducer(bootstrap_servers=BROKERS, acks=0)  # expect: unawaited-publish
audit = KafkaProducer(bootstrap_servers=BROKERS, acks="all", retries=5)


def log_failure(exc):
    log.error("audit publish failed: %s", exc)


def main():
    for msg in consumer:
        try:
            send_welcome(msg.value["email"])
        except SMTPRecipientsRefused:
            audit.send("signups.dead-letter", msg.value).get(timeout=10)
        except Exception:  # expect: swallowed-message-error
            log.exception("welcome mail failed")
        future = audit.send("signup-audit", msg.value)
        future.add_errback(log_failure)
        metrics.send("signup-metrics", b"1")  # expect: unawaited-publish


if __name__ == "__main__":
    main()
