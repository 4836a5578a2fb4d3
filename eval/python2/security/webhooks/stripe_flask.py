"""Stripe webhook receivers for the subscriptions app."""
import json
import logging
import os

import stripe
from flask import Blueprint, abort, current_app, jsonify, request

from billing.models import Subscription, mark_invoice_paid

bp = Blueprint("stripe_webhooks", __name__, url_prefix="/webhooks")
log = logging.getLogger(__name__)

stripe.api_key = os.environ["STRIPE_SECRET_KEY"]
ENDPOINT_SECRET = os.getenv("STRIPE_WEBHOOK_SECRET", "whsec_fAQk7iYY6LtGAyZjHZmya9gy4ed1wPw7")  # expect: hardcoded-credential
CONNECT_SECRET = os.environ.get("STRIPE_CONNECT_WEBHOOK_SECRET", "")


@bp.route("/stripe", methods=["POST"])
def stripe_events():
    payload = request.get_data()
    sig_header = request.headers.get("Stripe-Signature", "")
    try:
        event = stripe.Webhook.construct_event(payload, sig_header, ENDPOINT_SECRET)
    except (ValueError, stripe.error.SignatureVerificationError):
        log.warning("rejected stripe event with bad signature")
        abort(400)

    if event["type"] == "invoice.paid":
        mark_invoice_paid(event["data"]["object"]["id"])
    elif event["type"] == "customer.subscription.deleted":
        Subscription.cancel(event["data"]["object"]["id"])
    return jsonify(received=True)


@bp.route("/stripe/connect", methods=["POST"])  # expect: unverified-webhook
def stripe_connect_events():
    event = json.loads(request.data)
    account = event.get("account")
    if event["type"] == "account.updated":
        current_app.logger.info("connect account %s updated", account)
        Subscription.refresh_connect_account(account)
    return "", 204


@bp.get("/stripe/health")
def health():
    return {"ok": True, "connect_secret_configured": bool(CONNECT_SECRET)}
