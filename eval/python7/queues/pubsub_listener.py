import json
import logging

from google.cloud import pubsub_v1

from .search import index_document

log = logging.getLogger(__name__)
subscriber = pubsub_v1.SubscriberClient()
publisher = pubsub_v1.PublisherClient()


def on_document(message):
    message.ack()  # expect: ack-before-processing
    index_document(json.loads(message.data))


def on_delete(message):
    try:
        index_document(json.loads(message.data), delete=True)
    except Exception:  # expect: swallowed-message-error
        log.exception("delete failed")
    message.ack()


def on_reindex(message):
    try:
        index_document(json.loads(message.data))
    except Exception:
        message.nack()
        return
    message.ack()  # expect: ack-before-processing
    publisher.publish("projects/acme/topics/reindexed", message.data)  # expect: unawaited-publish


def main():
    subscriber.subscribe("projects/acme/subscriptions/documents", callback=on_document)
    subscriber.subscribe("projects/acme/subscriptions/deletes", callback=on_delete)
    future = subscriber.subscribe("projects/acme/subscriptions/reindex", callback=on_reindex)
    future.result()
