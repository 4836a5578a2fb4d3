"""Blueprint for inbound deliveries; mounted under /hooks."""
import hashlib
import hmac
import logging

from flask import Blueprint, abort, current_app, request
from slack_sdk.signature import SignatureVerifier
from twilio.request_validator import RequestValidator

from .jobs import enqueue

hooks_bp = Blueprint("hooks", __name__)
log = logging.getLogger(__name__)


@hooks_bp.route("/slack/commands", methods=["POST"])
def slack_command():
    verifier = SignatureVerifier(current_app.config["SLACK_SIGNING_SECRET"])
    if not verifier.is_valid_request(request.get_data(), request.headers):
        abort(401)
    enqueue("slack", request.form.to_dict())
    return "", 200


@hooks_bp.route("/sms", methods=["POST"])
def inbound_sms():
    validator = RequestValidator(current_app.config["TWILIO_AUTH_TOKEN"])
    signature = request.headers.get("X-Twilio-Signature", "")
    if not validator.validate(request.url, request.form, signature):
        abort(403)
    enqueue("sms", request.form.to_dict())
    return "<Response/>", 200


@hooks_bp.route("/typeform", methods=["POST"])  # expect: unverified-webhook
def typeform_response():
    log.info("typeform delivery with headers %s", dict(request.headers))  # expect: secret-in-log
    enqueue("typeform", request.get_json())
    return "", 204


@hooks_bp.post("/calendly")
def calendly_event():
    header = request.headers.get("Calendly-Webhook-Signature", "")
    parts = dict(item.split("=", 1) for item in header.split(","))
    body = f"{parts['t']}.{request.get_data(as_text=True)}"
    digest = hmac.new(current_app.config["CALENDLY_KEY"].encode(), body.encode(), hashlib.sha256).hexdigest()
    if digest != parts.get("v1"):  # expect: timing-unsafe-comparison
        abort(401)
    enqueue("calendly", request.get_json())
    return "", 204


@hooks_bp.route("/status", methods=["GET"])
def status():
    return {"ok": True}


@hooks_bp.post("/intercom")  # expect: unverified-webhook
def intercom_event():
    topic = request.get_json().get("topic")
    enqueue("intercom", request.get_json())
    log.info("intercom topic %s", topic)
    return "", 202
