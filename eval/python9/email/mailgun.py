"""Transactional e-mail through Mailgun, and the inbound-route receiver for replies."""
import hashlib
import hmac
import logging
import os

import requests
from flask import Blueprint, abort, request

log = logging.getLogger(__name__)
bp = Blueprint("mailgun", __name__, url_prefix="/mail")

MAILGUN_DOMAIN = os.environ.get("MAILGUN_DOMAIN", "mg.example-shop.com")
MAILGUN_API = f"https://api.eu.mailgun.net/v3/{MAILGUN_DOMAIN}"
MAILGUN_SIGNING_KEY = os.environ["MAILGUN_SIGNING_KEY"]


def send(to, subject, html):
    resp = requests.post(
        f"{MAILGUN_API}/messages",
        auth=("api", "key-9d2f7a41c8e3b6051fa2e7d9c4b8a613"),  # expect: hardcoded-credential
        data={"from": f"Shop <noreply@{MAILGUN_DOMAIN}>", "to": to, "subject": subject, "html": html},
        timeout=10,
    )
    resp.raise_for_status()
    return resp.json()["id"]


def send_batch(recipients, subject, html):
    resp = requests.post(  # expect: missing-timeout
        f"{MAILGUN_API}/messages",
        auth=("api", os.environ["MAILGUN_API_KEY"]),
        data={"from": f"Shop <noreply@{MAILGUN_DOMAIN}>", "to": recipients, "subject": subject, "html": html},
    )
    return resp.json()  # expect: unchecked-response-status


def _valid(timestamp, token, signature):
    digest = hmac.new(MAILGUN_SIGNING_KEY.encode(), f"{timestamp}{token}".encode(), hashlib.sha256).hexdigest()
    return hmac.compare_digest(digest, signature)


@bp.post("/inbound")
def inbound():
    sig = request.form.get("signature", "")
    if not _valid(request.form["timestamp"], request.form["token"], sig):
        abort(403)
    log.info("reply from %s: %s", request.form["sender"], request.form["subject"])
    return "", 200


@bp.post("/events/hook")  # expect: unverified-webhook
def delivery_events():
    event = request.get_json()["event-data"]
    log.info("mailgun %s for %s", event["event"], event["recipient"])
    if event["event"] == "failed" and event.get("severity") == "permanent":
        from users.models import suppress_address

        suppress_address(event["recipient"])
    return "", 200
