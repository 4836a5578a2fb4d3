"""Inbound provider callbacks for the support desk (Twilio, Slack, Mailgun, Typeform)."""
import hashlib
import hmac
import os

from flask import Blueprint, abort, current_app, jsonify, request
from slack_sdk.signature import SignatureVerifier
from twilio.request_validator import RequestValidator

from ..jobs import enqueue_ticket

bp = Blueprint("webhooks", __name__, url_prefix="/webhooks")
twilio_validator = RequestValidator(os.environ["TWILIO_AUTH_TOKEN"])
slack_verifier = SignatureVerifier(os.environ["SLACK_SIGNING_SECRET"])
MAILGUN_SIGNING_KEY = os.environ["MAILGUN_SIGNING_KEY"].encode()


@bp.route("/twilio/sms", methods=["POST"])
def inbound_sms():
    signature = request.headers.get("X-Twilio-Signature", "")
    if not twilio_validator.validate(request.url, request.form, signature):
        abort(403)
    enqueue_ticket("sms", request.form.to_dict())
    return "", 204


@bp.post("/slack/events")
def slack_events():
    if not slack_verifier.is_valid_request(request.get_data(), request.headers):
        abort(401)
    payload = request.get_json()
    if payload.get("type") == "url_verification":
        return jsonify(challenge=payload["challenge"])
    enqueue_ticket("slack", payload)
    return "", 200


@bp.route("/mailgun", methods=["POST"])
def mailgun_inbound():
    token = request.form["token"]
    timestamp = request.form["timestamp"]
    signature = request.form["signature"]
    expected = hmac.new(MAILGUN_SIGNING_KEY, f"{timestamp}{token}".encode(), hashlib.sha256).hexdigest()
    if signature != expected:  # expect: timing-unsafe-comparison
        abort(403)
    enqueue_ticket("email", request.form.to_dict())
    return "", 200


@bp.route("/typeform", methods=["POST"])  # expect: unverified-webhook
def typeform_submission():
    enqueue_ticket("form", request.get_json())
    current_app.logger.info("typeform submission queued")
    return "", 202


@bp.route("/status", methods=["GET"])
def status():
    return jsonify(ok=True)
