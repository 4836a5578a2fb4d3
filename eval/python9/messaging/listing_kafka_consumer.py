"""Kafka consumers (kafka-python) for crawled listings: dedupe, index, and price history."""
import json
import logging
import os

from kafka import KafkaConsumer, KafkaProducer

log = logging.getLogger("listings-consumer")
BROKERS = os.environ.get("KAFKA_BROKERS", "kafka:9092").split(",")

producer = KafkaProducer(bootstrap_servers=BROKERS, value_serializer=lambda v: json.dumps(v).encode())


def index_listing(listing):
    from search.index import upsert

    upsert(listing)


def run_indexer():
    consumer = KafkaConsumer("listings.raw", bootstrap_servers=BROKERS, group_id="indexer")
    for msg in consumer:
        try:
            listing = json.loads(msg.value)
            index_listing(listing)
        except Exception:  # expect: swallowed-message-error
            log.exception("could not index offset %s", msg.offset)


def run_price_history():
    consumer = KafkaConsumer(
        "listings.raw", bootstrap_servers=BROKERS, group_id="price-history", enable_auto_commit=False
    )
    for msg in consumer:
        consumer.commit()  # expect: ack-before-processing
        listing = json.loads(msg.value)
        from pricing.history import append_price

        append_price(listing["id"], listing["price"])


def run_dedupe():
    consumer = KafkaConsumer("listings.raw", bootstrap_servers=BROKERS, group_id="dedupe")
    for msg in consumer:
        try:
            listing = json.loads(msg.value)
            from listings.dedupe import merge

            merge(listing)
        except Exception as exc:
            log.warning("dedupe failed, parking: %s", exc)
            producer.send("listings.raw.parking", msg.value).get(timeout=10)


def run_geo_enrich():
    consumer = KafkaConsumer("listings.raw", bootstrap_servers=BROKERS, group_id="geo", enable_auto_commit=False)
    for msg in consumer:
        listing = json.loads(msg.value)
        from geo.enrich import enrich

        enriched = enrich(listing)
        producer.send("listings.enriched", enriched)  # expect: unawaited-publish
        consumer.commit()


if __name__ == "__main__":
    run_indexer()
