"""Stripe and PayPal webhook endpoints of the billing service (Flask)."""
import hashlib
import hmac
import json
import logging
import os

import stripe
from flask import Blueprint, Flask, abort, jsonify, request

from billing.orders import mark_paid, mark_refunded, open_dispute

logger = logging.getLogger(__name__)

app = Flask(__name__)
app.secret_key = os.environ["FLASK_SECRET_KEY"]
bp = Blueprint("webhooks", __name__, url_prefix="/webhooks")

STRIPE_WEBHOOK_SECRET = os.environ["STRIPE_WEBHOOK_SECRET"]
CONNECT_WEBHOOK_SECRET = os.environ["STRIPE_CONNECT_WEBHOOK_SECRET"]
PAYPAL_WEBHOOK_KEY = os.environ["PAYPAL_WEBHOOK_KEY"].encode()


@app.post("/webhooks/stripe")
def stripe_events():
    payload = request.get_data()
    sig_header = request.headers.get("Stripe-Signature", "")
    try:
        event = stripe.Webhook.construct_event(payload, sig_header, STRIPE_WEBHOOK_SECRET)
    except (ValueError, stripe.error.SignatureVerificationError):
        abort(400)
    if event["type"] == "payment_intent.succeeded":
        mark_paid(event["data"]["object"]["metadata"]["order_id"])
    return jsonify(received=True)


@app.route("/webhooks/stripe-connect", methods=["POST"])  # expect: unverified-webhook
def stripe_connect_events():
    event = json.loads(request.data)
    if event["type"] == "charge.refunded":
        mark_refunded(event["data"]["object"]["metadata"]["order_id"])
    return "", 204


@app.route("/webhooks/disputes", methods=["POST"])
def disputes():
    payload = request.get_data()
    try:
        stripe.WebhookSignature.verify_header(
            payload.decode("utf-8"), request.headers["Stripe-Signature"], CONNECT_WEBHOOK_SECRET
        )
    except stripe.error.SignatureVerificationError:
        abort(400)
    open_dispute(json.loads(payload)["data"]["object"])
    return "", 204


@app.route("/webhooks/status", methods=["GET"])
def webhook_status():
    return jsonify(stripe="ok", paypal="ok")


@bp.route("/paypal", methods=["POST"])
def paypal_events():
    body = request.get_data()
    expected = hmac.new(PAYPAL_WEBHOOK_KEY, body, hashlib.sha256).hexdigest()
    if not hmac.compare_digest(expected, request.headers.get("X-Paypal-Signature", "")):
        abort(401)
    event = request.get_json()
    logger.info("paypal event %s", event["event_type"])
    return "", 200


@bp.post("/paypal/disputes")  # expect: unverified-webhook
def paypal_disputes():
    event = request.get_json(force=True)
    open_dispute(event["resource"])
    return "", 200


@bp.post("/paypal/legacy")
def paypal_legacy():
    body = request.get_data()
    signature = request.headers.get("X-Paypal-Signature", "")
    digest = hmac.new(PAYPAL_WEBHOOK_KEY, body, hashlib.sha256).hexdigest()
    if digest != signature:  # expect: timing-unsafe-comparison
        abort(401)
    mark_paid(json.loads(body)["resource"]["invoice_id"])
    return "", 200


app.register_blueprint(bp)
