"""E-mail and SMS notification consumer."""
import json
import logging

import pika

from notify.mailer import Mailer, MailerError
from notify.metrics import metrics
from notify.settings import RABBIT_HOST
from notify.sms import SmsGateway

logger = logging.getLogger("notify")
mailer = Mailer()
sms = SmsGateway()


def send_email(ch, method, properties, body):
    payload = json.loads(body)
    try:
        mailer.send(payload["to"], payload["template"], payload.get("context", {}))
    except MailerError:  # expect: swallowed-message-error
        logger.exception("could not send %s to %s", payload.get("template"), payload.get("to"))
    try:
        metrics.increment("emails.sent", tags={"template": payload.get("template")})
    except Exception:
        pass


def send_sms(ch, method, properties, body):
    payload = json.loads(body)
    try:
        sms.send(payload["phone"], payload["text"])
    except Exception:
        logger.exception("sms failed")
        ch.basic_nack(delivery_tag=method.delivery_tag, requeue=False)
        return
    ch.basic_ack(delivery_tag=method.delivery_tag)


def main() -> None:
    connection = pika.BlockingConnection(pika.ConnectionParameters(host=RABBIT_HOST, heartbeat=30))
    channel = connection.channel()
    channel.basic_consume(
        queue="emails",
        on_message_callback=send_email,
        auto_ack=True,  # expect: ack-before-processing
    )
    channel.basic_consume(queue="sms", on_message_callback=send_sms, auto_ack=False)
    channel.start_consuming()
