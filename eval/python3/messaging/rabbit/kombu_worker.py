import logging
import os

from kombu import Connection, Exchange, Queue
from kombu.mixins import ConsumerMixin
from kombu.pools import producers

from media import ThumbnailError, make_thumbnail

log = logging.getLogger(__name__)
exchange = Exchange("media", type="topic")
queues = [Queue("thumbnails", exchange, routing_key="image.uploaded")]


class ThumbnailWorker(ConsumerMixin):
    def __init__(self, connection):
        self.connection = connection

    def get_consumers(self, Consumer, channel):
        return [Consumer(queues=queues, callbacks=[self.on_upload], accept=["json"])]

    def on_upload(self, body, message):
        try:
            make_thumbnail(body["key"])
        except ThumbnailError:
            log.warning("cannot thumbnail %s", body["key"])
            message.reject()
            return
        message.ack()
        with producers[self.connection].acquire(block=True) as producer:
            producer.publish({"key": body["key"]}, exchange=exchange, routing_key="image.thumbnailed")


if __name__ == "__main__":
    with Connection(os.environ["BROKER_URL"]) as conn:
        ThumbnailWorker(conn).run()
