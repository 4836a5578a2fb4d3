"""Order fulfilment consumer on pika's SelectConnection (asynchronous adapter)."""
import json
import logging

import pika

from fulfilment.orders import find_order, fulfil, FulfilmentError

logger = logging.getLogger(__name__)
MAX_ATTEMPTS = 5


class OrderConsumer:
    def __init__(self, url: str):
        self._url = url
        self._connection = None
        self._channel = None

    def run(self) -> None:
        self._connection = pika.SelectConnection(pika.URLParameters(self._url), on_open_callback=self._on_open)
        self._connection.ioloop.start()

    def _on_open(self, connection) -> None:
        connection.channel(on_open_callback=self._on_channel)

    def _on_channel(self, channel) -> None:
        self._channel = channel
        channel.basic_qos(prefetch_count=5)
        channel.basic_consume(queue="orders.fulfil", on_message_callback=self.on_order)
        channel.basic_consume(queue="orders.priority", on_message_callback=self.on_priority_order)

    def on_order(self, ch, method, properties, body) -> None:
        request = json.loads(body)
        order = find_order(request["order_id"])
        if order is None:
            logger.warning("order %s not found yet", request["order_id"])
            ch.basic_reject(delivery_tag=method.delivery_tag)  # expect: poison-message-requeue
            return
        fulfil(order)
        ch.basic_ack(delivery_tag=method.delivery_tag)

    def on_priority_order(self, ch, method, properties, body) -> None:
        request = json.loads(body)
        attempts = int((properties.headers or {}).get("x-retry-count", 0))
        try:
            fulfil(find_order(request["order_id"]))
        except FulfilmentError:
            if attempts >= MAX_ATTEMPTS:
                ch.basic_reject(delivery_tag=method.delivery_tag, requeue=False)
                return
            ch.basic_publish(
                exchange="",
                routing_key="orders.priority.retry",
                body=body,
                properties=pika.BasicProperties(headers={"x-retry-count": attempts + 1}),
            )
            ch.basic_ack(delivery_tag=method.delivery_tag)
            return
        ch.basic_ack(delivery_tag=method.delivery_tag)

    def stop(self) -> None:
        if self._channel is not None:
            self._channel.close()
        if self._connection is not None:
            self._connection.close()
