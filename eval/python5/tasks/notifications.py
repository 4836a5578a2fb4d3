"""Notification fan-out tasks (SMS, push, e-mail)."""
from __future__ import annotations

import logging
import os

from celery import Celery
from twilio.rest import Client as TwilioClient

app = Celery("notifications")
app.config_from_object("notifications.celeryconfig")
log = logging.getLogger(__name__)

TWILIO_ACCOUNT_SID = os.environ["TWILIO_ACCOUNT_SID"]
twilio = TwilioClient(TWILIO_ACCOUNT_SID, "4c8e1f2a9b7d3c6e5f0a1b2c3d4e5f6a")  # expect: hardcoded-credential
twilio_eu = TwilioClient(os.environ["TWILIO_EU_SID"], os.environ["TWILIO_EU_AUTH_TOKEN"])


@app.task(bind=True, autoretry_for=(ConnectionError,), retry_backoff=True, max_retries=5)
def send_sms(self, to: str, body: str) -> str:
    message = twilio.messages.create(to=to, from_=os.environ["TWILIO_FROM"], body=body)
    return message.sid


@app.task(bind=True, autoretry_for=(ConnectionError,), max_retries=None, retry_backoff=True)  # expect: unbounded-retry
def send_push(self, device_token: str, title: str) -> None:
    log.info("push to device %s", device_token)  # expect: secret-in-log
    log.info("push titled %r to device ending %s", title, device_token[:6])


@app.task
def send_digest(user_id: int) -> None:
    from notifications.digest import build_digest, deliver

    digest = build_digest(user_id)
    try:
        deliver(digest)
    except Exception:
        log.exception("digest delivery failed for %s", user_id)
        raise


@app.task
def send_welcome(user_id: int) -> None:
    from notifications.mail import render_welcome, smtp_send

    html = render_welcome(user_id)
    try:
        smtp_send(user_id, html)
    except OSError:  # expect: swallowed-message-error
        log.warning("welcome mail to %s not sent", user_id)
