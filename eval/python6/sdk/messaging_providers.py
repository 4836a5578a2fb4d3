"""Twilio SMS and SendGrid e-mail senders."""
import logging
import os

import requests
from requests.auth import HTTPBasicAuth
from sendgrid import SendGridAPIClient
from sendgrid.helpers.mail import Mail
from twilio.rest import Client

logger = logging.getLogger(__name__)

TWILIO_SID = os.environ["TWILIO_ACCOUNT_SID"]
twilio = Client(TWILIO_SID, "9f4c2b7e1a8d3f6c0b5e2a9d7c4f1b8e")  # expect: hardcoded-credential
sendgrid = SendGridAPIClient(os.environ.get("SENDGRID_API_KEY"))
FALLBACK_SENDGRID_KEY = "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"  # expect: hardcoded-credential


def send_sms(to: str, body: str) -> str:
    message = twilio.messages.create(to=to, from_=os.environ["TWILIO_FROM"], body=body)
    logger.info("sms %s queued to %s", message.sid, to)
    return message.sid


def send_mail(to: str, subject: str, html: str) -> int:
    mail = Mail(from_email="noreply@acme-shop.com", to_emails=to, subject=subject, html_content=html)
    response = sendgrid.send(mail)
    logger.info("sendgrid status %s, key configured: %s", response.status_code, len(os.environ.get("SENDGRID_API_KEY", "")) > 0)
    return response.status_code


def lookup_number(number: str) -> dict:
    resp = requests.get(
        f"https://lookups.twilio.com/v2/PhoneNumbers/{number}",
        auth=HTTPBasicAuth(TWILIO_SID, "c3e8a1f6b9d2e7a4c1f8b5e2d9a6c3f0"),  # expect: hardcoded-credential
        timeout=5,
    )
    resp.raise_for_status()
    return resp.json()


def mailgun_send(to: str, text: str) -> None:
    resp = requests.post(
        "https://api.mailgun.net/v3/mg.acme-shop.com/messages",
        auth=("api", os.environ["MAILGUN_API_KEY"]),
        data={"from": "shop@mg.acme-shop.com", "to": to, "text": text},
        timeout=10,
    )
    resp.raise_for_status()
