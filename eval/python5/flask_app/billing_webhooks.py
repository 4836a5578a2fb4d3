"""Billing provider webhooks mounted under /hooks on the Flask app."""
from __future__ import annotations

import hashlib
import hmac
import json
import logging

import stripe
from flask import Blueprint, abort, current_app, jsonify, request

from .events import dispatch_billing_event

bp = Blueprint("billing_hooks", __name__, url_prefix="/hooks")
log = logging.getLogger(__name__)


@bp.route("/stripe", methods=["POST"])
def stripe_events():
    payload = request.get_data()
    sig_header = request.headers.get("Stripe-Signature", "")
    try:
        event = stripe.Webhook.construct_event(
            payload, sig_header, current_app.config["STRIPE_WEBHOOK_SECRET"]
        )
    except (ValueError, stripe.error.SignatureVerificationError):
        abort(400)
    dispatch_billing_event("stripe", event)
    return jsonify(received=True)


@bp.route("/paddle", methods=["POST"])  # expect: unverified-webhook
def paddle_events():
    body = request.get_json(force=True)
    log.info("paddle alert %s", body.get("alert_name"))
    dispatch_billing_event("paddle", body)
    return "", 204


@bp.route("/lemonsqueezy", methods=["POST"])
def lemonsqueezy_events():
    raw = request.get_data()
    received_sig = request.headers.get("X-Signature", "")
    expected_sig = hmac.new(
        current_app.config["LEMON_SIGNING_SECRET"].encode(), raw, hashlib.sha256
    ).hexdigest()
    if received_sig != expected_sig:  # expect: timing-unsafe-comparison
        abort(401)
    dispatch_billing_event("lemonsqueezy", json.loads(raw))
    return "", 204


@bp.route("/chargebee", methods=["POST"])
def chargebee_events():
    raw = request.get_data()
    received_sig = request.headers.get("X-Chargebee-Signature")
    if received_sig is None:
        abort(400)
    expected_sig = hmac.new(
        current_app.config["CHARGEBEE_SECRET"].encode(), raw, hashlib.sha256
    ).hexdigest()
    if not hmac.compare_digest(expected_sig, received_sig):
        abort(401)
    dispatch_billing_event("chargebee", json.loads(raw))
    return "", 204


@bp.route("/health", methods=["GET"])
def health():
    return jsonify(ok=True)
