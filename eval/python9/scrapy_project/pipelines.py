"""Item pipelines: enrich listings from the geocoder, publish them to Kafka, mirror to the partner."""
import json
import logging

import requests
from itemadapter import ItemAdapter
from kafka import KafkaProducer
from scrapy.exceptions import DropItem

logger = logging.getLogger(__name__)

PARTNER_FEED = "http://ingest.listings-partner.example.com/feed"  # expect: insecure-transport
GEOCODER = "https://geocode.maps-provider.example.com/v1/search"


class GeocodePipeline:
    def open_spider(self, spider):
        self.session = requests.Session()
        self.session.params = {"key": spider.settings.get("GEOCODER_KEY")}

    def close_spider(self, spider):
        self.session.close()

    def process_item(self, item, spider):
        adapter = ItemAdapter(item)
        resp = self.session.get(GEOCODER, params={"q": adapter["address"]}, timeout=10)
        hits = resp.json()  # expect: unchecked-response-status
        if not hits:
            raise DropItem(f"no geocode for {adapter['address']}")
        adapter["lat"], adapter["lon"] = hits[0]["lat"], hits[0]["lon"]
        return item


class KafkaPublishPipeline:
    def open_spider(self, spider):
        self.producer = KafkaProducer(
            bootstrap_servers=spider.settings.get("KAFKA_BROKERS"),
            value_serializer=lambda v: json.dumps(v).encode(),
            acks="all",
        )

    def close_spider(self, spider):
        self.producer.flush()
        self.producer.close()

    def process_item(self, item, spider):
        self.producer.send("listings.raw", ItemAdapter(item).asdict())  # expect: unawaited-publish
        return item


class AuditedKafkaPipeline(KafkaPublishPipeline):
    def process_item(self, item, spider):
        future = self.producer.send("listings.audited", ItemAdapter(item).asdict())
        future.add_errback(lambda exc: logger.error("publish failed: %s", exc))
        return item


class PartnerMirrorPipeline:
    def process_item(self, item, spider):
        resp = requests.post(PARTNER_FEED, json=ItemAdapter(item).asdict(), timeout=15)
        if not resp.ok:
            logger.warning("partner rejected %s: %s", item.get("id"), resp.status_code)
        return item
