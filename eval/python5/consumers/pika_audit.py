"""Audit trail consumer: pulls with channel.consume and a class-based handler."""
from __future__ import annotations

import functools
import json
import logging
import os

import pika

from audit.store import AuditStore

log = logging.getLogger(__name__)


class AuditConsumer:
    def __init__(self, store: AuditStore) -> None:
        self.store = store
        self.connection = pika.BlockingConnection(pika.URLParameters(os.environ["AMQP_URL"]))
        self.channel = self.connection.channel()

    def run(self) -> None:
        for method, properties, body in self.channel.consume("audit.events", inactivity_timeout=5):
            if method is None:
                continue
            try:
                self.store.append(json.loads(body))
            except ValueError:
                log.warning("bad audit record dropped to parking lot")
                self.channel.basic_publish(exchange="audit", routing_key="audit.parking", body=body)
            self.channel.basic_ack(method.delivery_tag)

    def run_fast(self) -> None:
        for method, properties, body in self.channel.consume("audit.metrics", auto_ack=True):  # expect: ack-before-processing
            self.store.increment(json.loads(body)["metric"])

    def on_login(self, ch, method, properties, body: bytes) -> None:
        retries = (properties.headers or {}).get("x-delivery-count", 0)
        try:
            self.store.append(json.loads(body))
        except Exception:
            if retries < 5:
                ch.basic_reject(delivery_tag=method.delivery_tag, requeue=True)
            else:
                ch.basic_reject(delivery_tag=method.delivery_tag, requeue=False)
            return
        ch.basic_ack(delivery_tag=method.delivery_tag)

    def on_logout(self, ch, method, properties, body: bytes) -> None:
        try:
            self.store.append(json.loads(body))
        except Exception:
            ch.basic_reject(delivery_tag=method.delivery_tag)  # expect: poison-message-requeue
            return
        ch.basic_ack(delivery_tag=method.delivery_tag)

    def start(self) -> None:
        self.channel.basic_consume("audit.logins", on_message_callback=self.on_login)
        self.channel.basic_consume("audit.logouts", on_message_callback=self.on_logout)
        self.channel.basic_consume(
            "audit.pageviews",
            on_message_callback=functools.partial(self.on_pageview, source="web"),
            auto_ack=True,  # expect: ack-before-processing
        )
        self.channel.start_consuming()

    def on_pageview(self, ch, method, properties, body: bytes, source: str) -> None:
        self.store.append({"source": source, **json.loads(body)})
