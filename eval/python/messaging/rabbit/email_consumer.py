"""Transactional e-mail sender fed from RabbitMQ (pika consume generator)."""
import json
import logging
import os

import pika

from mailer.smtp import TemporaryFailure, send_mail

logger = logging.getLogger(__name__)

MAX_DELIVERIES = 5

connection = pika.BlockingConnection(pika.URLParameters(os.environ["AMQP_URL"]))
channel = connection.channel()
channel.basic_qos(prefetch_count=10)


def delivery_count(properties) -> int:
    deaths = (properties.headers or {}).get("x-death") or []
    return sum(d.get("count", 0) for d in deaths)


def run_transactional() -> None:
    for method, properties, body in channel.consume("mail.transactional", inactivity_timeout=30):
        if method is None:
            continue
        mail = json.loads(body)
        try:
            send_mail(mail["to"], mail["template"], mail["vars"])
        except TemporaryFailure:
            if delivery_count(properties) >= MAX_DELIVERIES:
                channel.basic_reject(method.delivery_tag, requeue=False)
            else:
                channel.basic_nack(method.delivery_tag, requeue=True)
            continue
        except Exception:  # expect: swallowed-message-error
            logger.exception("mail to %s failed", mail["to"])
        channel.basic_ack(method.delivery_tag)


def run_marketing() -> None:
    for method, properties, body in channel.consume("mail.marketing", auto_ack=True):  # expect: ack-before-processing
        mail = json.loads(body)
        send_mail(mail["to"], mail["template"], mail["vars"])


def run_digest() -> None:
    for method, properties, body in channel.consume("mail.digest"):
        channel.basic_ack(method.delivery_tag)  # expect: ack-before-processing
        digest = json.loads(body)
        send_mail(digest["to"], "digest", digest)


def run_receipts() -> None:
    for method, properties, body in channel.consume("mail.receipts"):
        receipt = json.loads(body)
        try:
            send_mail(receipt["to"], "receipt", receipt)
        except Exception:
            logger.exception("receipt mail failed")
            channel.basic_nack(method.delivery_tag, requeue=True)  # expect: poison-message-requeue
            continue
        channel.basic_ack(method.delivery_tag)


def run_bounces() -> None:
    for method, properties, body in channel.consume("mail.bounces"):
        bounce = json.loads(body)
        try:
            send_mail(bounce["postmaster"], "bounce", bounce)
        except Exception:
            logger.exception("bounce forward failed, parking it")
            channel.basic_publish(exchange="", routing_key="mail.bounces.parking", body=body)
        channel.basic_ack(method.delivery_tag)
