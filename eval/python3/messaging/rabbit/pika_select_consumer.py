"""Asynchronous e-mail consumer on pika's SelectConnection."""
import json
import logging

import pika

from mailer import PermanentFailure, TemporaryFailure, send_email

LOGGER = logging.getLogger(__name__)


class EmailConsumer:
    QUEUE = "emails"

    def __init__(self, amqp_url: str):
        self._url = amqp_url
        self._connection = None
        self._channel = None

    def connect(self):
        self._connection = pika.SelectConnection(
            pika.URLParameters(self._url),
            on_open_callback=self.on_connection_open,
            on_close_callback=self.on_connection_closed,
        )
        return self._connection

    def on_connection_open(self, _connection):
        self._connection.channel(on_open_callback=self.on_channel_open)

    def on_connection_closed(self, _connection, reason):
        LOGGER.warning("connection closed: %s", reason)
        self._connection.ioloop.stop()

    def on_channel_open(self, channel):
        self._channel = channel
        self._channel.basic_qos(prefetch_count=5, callback=self.on_qos_ok)

    def on_qos_ok(self, _frame):
        self._channel.basic_consume(self.QUEUE, on_message_callback=self.on_message)

    def on_message(self, channel, basic_deliver, properties, body):
        try:
            email = json.loads(body)
        except ValueError:
            LOGGER.error("undecodable e-mail message")
            channel.basic_reject(basic_deliver.delivery_tag)  # expect: poison-message-requeue
            return
        try:
            send_email(email)
        except PermanentFailure:
            channel.basic_reject(basic_deliver.delivery_tag, requeue=False)
            return
        except TemporaryFailure:
            deaths = (properties.headers or {}).get("x-death", [])
            if deaths and deaths[0]["count"] >= 5:
                channel.basic_reject(basic_deliver.delivery_tag, requeue=False)
            else:
                channel.basic_nack(basic_deliver.delivery_tag, requeue=True)
            return
        channel.basic_ack(basic_deliver.delivery_tag)

    def run(self):
        self.connect().ioloop.start()
