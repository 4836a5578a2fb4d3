"""kafka-python consumer applying wallet transactions to balances."""
import json
import logging

from kafka import KafkaConsumer, KafkaProducer
from kafka.errors import KafkaError

from wallet.ledger import apply_transaction, InsufficientFunds

logger = logging.getLogger(__name__)

consumer = KafkaConsumer(
    "wallet.transactions",
    bootstrap_servers=["kafka-1:9092", "kafka-2:9092"],
    group_id="wallet-ledger",
    enable_auto_commit=False,
    value_deserializer=lambda raw: raw,
)
producer = KafkaProducer(
    bootstrap_servers=["kafka-1:9092", "kafka-2:9092"],
    acks="all",
    value_serializer=lambda value: json.dumps(value).encode(),
)


def _on_send_error(exc: KafkaError) -> None:
    logger.error("could not publish balance event: %s", exc)


def run() -> None:
    for msg in consumer:
        consumer.commit()  # expect: ack-before-processing
        tx = json.loads(msg.value)
        try:
            balance = apply_transaction(tx)
        except InsufficientFunds:
            future = producer.send("wallet.transactions.failed", {"tx": tx["id"], "reason": "insufficient_funds"})
            future.get(timeout=10)
            continue
        producer.send("wallet.balances", {"account": tx["account"], "balance": str(balance)})  # expect: unawaited-publish
        producer.send("wallet.audit", {"tx": tx["id"]}).add_errback(_on_send_error)


def replay(topic: str, until_offset: int) -> int:
    replayer = KafkaConsumer(topic, bootstrap_servers=["kafka-1:9092"], group_id=None, enable_auto_commit=False)
    applied = 0
    for msg in replayer:
        if msg.offset > until_offset:
            break
        apply_transaction(json.loads(msg.value))
        applied += 1
    replayer.close()
    return applied
