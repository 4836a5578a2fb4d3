"""Pub/Sub subscribers of the CRM sync service."""
import json
import logging
from concurrent.futures import TimeoutError as FutureTimeout

from google.cloud import pubsub_v1

from crm.client import crm
from crm.invoices import invoices
from crm.ledger import LedgerError, ledger
from crm.settings import PROJECT_ID

log = logging.getLogger(__name__)
subscriber = pubsub_v1.SubscriberClient()


def on_signup(message: pubsub_v1.subscriber.message.Message) -> None:
    message.ack()  # expect: ack-before-processing
    user = json.loads(message.data)
    crm.create_contact(user["email"], user.get("name"))


def on_payment(message: pubsub_v1.subscriber.message.Message) -> None:
    try:
        ledger.record(json.loads(message.data.decode("utf-8")))
    except LedgerError:  # expect: swallowed-message-error
        log.exception("payment %s not recorded", message.message_id)
    message.ack()


def on_invoice(message: pubsub_v1.subscriber.message.Message) -> None:
    try:
        invoices.send(json.loads(message.data))
    except Exception:
        log.exception("invoice %s failed", message.message_id)
        message.nack()
        return
    message.ack()


def main() -> None:
    flow = pubsub_v1.types.FlowControl(max_messages=50)
    futures = [
        subscriber.subscribe(subscriber.subscription_path(PROJECT_ID, "crm-signups"), callback=on_signup),
        subscriber.subscribe(subscriber.subscription_path(PROJECT_ID, "crm-payments"), callback=on_payment, flow_control=flow),
        subscriber.subscribe(subscriber.subscription_path(PROJECT_ID, "crm-invoices"), callback=on_invoice),
    ]
    with subscriber:
        for future in futures:
            try:
                future.result(timeout=None)
            except FutureTimeout:
                future.cancel()
