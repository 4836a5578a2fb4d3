"""Transactional mail: SendGrid SDK for templates, the raw v3 API for batch sends."""
import logging
import os

import requests
import sendgrid
from sendgrid.helpers.mail import Mail, To

log = logging.getLogger("mailer")

SENDGRID_API_KEY = os.environ.get("SENDGRID_API_KEY")
# Key of the marketing sub-user, kept here "until the vault migration lands".
MARKETING_API_KEY = "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"  # expect: hardcoded-credential
SEND_URL = "https://api.sendgrid.com/v3/mail/send"
BATCH_URL = "https://api.sendgrid.com/v3/mail/batch"


def sdk_client() -> sendgrid.SendGridAPIClient:
    return sendgrid.SendGridAPIClient(api_key=SENDGRID_API_KEY)


def send_template(to_email: str, template_id: str, data: dict) -> int:
    message = Mail(from_email="no-reply@shop.example.com", to_emails=To(to_email))
    message.template_id = template_id
    message.dynamic_template_data = data
    response = sdk_client().send(message)
    log.info("sendgrid accepted template %s for %s: %s", template_id, to_email, response.status_code)
    return response.status_code


def _auth_headers(key: str) -> dict:
    return {"Authorization": f"Bearer {key}", "Content-Type": "application/json"}


def create_batch_id() -> str:
    resp = requests.post(BATCH_URL, headers=_auth_headers(SENDGRID_API_KEY))  # expect: missing-timeout
    return resp.json()["batch_id"]  # expect: unchecked-response-status


def send_raw(payload: dict, marketing: bool = False) -> bool:
    key = MARKETING_API_KEY if marketing else SENDGRID_API_KEY
    resp = requests.post(SEND_URL, json=payload, headers=_auth_headers(key), timeout=10)
    if resp.status_code != 202:
        log.error("sendgrid refused batch: %s %s", resp.status_code, resp.text)
        return False
    return True


def schedule_campaign(subject: str, html: str, recipients: list[str], send_at: int) -> bool:
    payload = {
        "personalizations": [{"to": [{"email": r}]} for r in recipients],
        "from": {"email": "news@shop.example.com"},
        "subject": subject,
        "content": [{"type": "text/html", "value": html}],
        "send_at": send_at,
        "batch_id": create_batch_id(),
    }
    log.debug("scheduling campaign with key %s", MARKETING_API_KEY)  # expect: secret-in-log
    return send_raw(payload, marketing=True)
