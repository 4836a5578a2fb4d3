import json
import logging
import os

from google.cloud import pubsub_v1

from .index import IndexError_, index_document

log = logging.getLogger(__name__)

project = os.environ["GCP_PROJECT"]
subscriber = pubsub_v1.SubscriberClient()
publisher = pubsub_v1.PublisherClient()
docs_sub = subscriber.subscription_path(project, "docs-indexer")
thumbs_sub = subscriber.subscription_path(project, "thumbs-indexer")
topic = publisher.topic_path(project, "indexed")


def on_doc(message: pubsub_v1.subscriber.message.Message) -> None:
    try:
        doc = json.loads(message.data)
        index_document(doc)
    except IndexError_:  # expect: swallowed-message-error
        log.exception("indexing failed for %s", message.message_id)
    publisher.publish(topic, message.data, source="docs")  # expect: unawaited-publish
    message.ack()


def on_thumb(message: pubsub_v1.subscriber.message.Message) -> None:
    message.ack()  # expect: ack-before-processing
    index_document(json.loads(message.data))


def on_safe(message: pubsub_v1.subscriber.message.Message) -> None:
    try:
        index_document(json.loads(message.data))
    except IndexError_:
        message.nack()
        return
    future = publisher.publish(topic, message.data, source="safe")
    future.add_done_callback(lambda f: log.info("published %s", f.result()))
    message.ack()


docs_future = subscriber.subscribe(docs_sub, callback=on_doc)
thumbs_future = subscriber.subscribe(thumbs_sub, callback=on_thumb)
safe_future = subscriber.subscribe(subscriber.subscription_path(project, "docs-safe"), callback=on_safe)
