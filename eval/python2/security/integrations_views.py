"""Partner-facing API of the marketplace (Flask)."""
import logging

import stripe
from flask import Flask, abort, jsonify, request

from market.config import settings
from market.orders import create_order, record_payment

app = Flask(__name__)
app.secret_key = "3b0c7f1e9a4d4e2f8c6a5b1d0e9f7a2c"  # expect: hardcoded-credential
log = logging.getLogger(__name__)


def _partner_from_key() -> str:
    api_key = request.headers.get("X-Api-Key", "")
    if api_key == settings.PARTNER_API_KEY:  # expect: timing-unsafe-comparison
        return "default"
    abort(401)


@app.post("/api/orders")
def post_order():
    partner = _partner_from_key()
    order = create_order(partner, request.get_json())
    return jsonify(order), 201


@app.route("/api/payments/callback", methods=["POST"])
def payment_callback():
    _partner_from_key()
    record_payment(request.form["reference"], request.form["status"])
    return "", 204


@app.post("/stripe/events")  # expect: unverified-webhook
def stripe_events():
    signature = request.headers.get("Stripe-Signature")
    if signature is None:
        abort(400)
    event = request.get_json()
    if event["type"] == "payment_intent.succeeded":
        record_payment(event["data"]["object"]["metadata"]["order"], "paid")
    return "", 200


@app.get("/api/orders/<order_id>")
def get_order(order_id: str):
    token_type, _, credential = request.headers.get("Authorization", "").partition(" ")
    if token_type != "Bearer" or not credential:
        abort(401)
    return jsonify({"id": order_id})
