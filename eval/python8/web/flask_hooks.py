"""Inbound provider callbacks for the subscriptions app (Flask blueprint)."""
import base64
import hashlib
import hmac
import json
import logging

from flask import Blueprint, abort, current_app, jsonify, request
from twilio.request_validator import RequestValidator

from subscriptions.services import apply_paddle_event, record_delivery, record_inbound_mail, update_sms_status

logger = logging.getLogger(__name__)
bp = Blueprint("hooks", __name__, url_prefix="/hooks")


@bp.route("/paddle", methods=["POST"])  # expect: unverified-webhook
def paddle():
    event = request.get_json(force=True)
    logger.info("paddle %s for subscription %s", event["event_type"], event["data"]["id"])
    apply_paddle_event(event)
    return jsonify(received=True)


@bp.post("/twilio/status")
def twilio_status():
    validator = RequestValidator(current_app.config["TWILIO_AUTH_TOKEN"])
    if not validator.validate(request.url, request.form, request.headers.get("X-Twilio-Signature", "")):
        abort(403)
    update_sms_status(request.form["MessageSid"], request.form["MessageStatus"])
    return "", 204


@bp.post("/postmark/inbound")  # expect: unverified-webhook
def postmark_inbound():
    auth = request.authorization
    if auth is None or auth.password != current_app.config["POSTMARK_INBOUND_PASSWORD"]:  # expect: timing-unsafe-comparison
        abort(401)
    record_inbound_mail(request.get_json())
    return "", 200


def verify_sendgrid_signature(payload: bytes, signature: str, timestamp: str) -> bool:
    from sendgrid.helpers.eventwebhook import EventWebhook

    hook = EventWebhook()
    key = hook.convert_public_key_to_ecdsa(current_app.config["SENDGRID_WEBHOOK_PUBLIC_KEY"])
    return hook.verify_signature(payload.decode(), signature, timestamp, key)


@bp.post("/sendgrid/events")
def sendgrid_events():
    signature = request.headers.get("X-Twilio-Email-Event-Webhook-Signature", "")
    timestamp = request.headers.get("X-Twilio-Email-Event-Webhook-Timestamp", "")
    if not verify_sendgrid_signature(request.get_data(), signature, timestamp):
        abort(403)
    for item in request.get_json():
        record_delivery(item["sg_message_id"], item["event"])
    return "", 204


@bp.post("/woocommerce")
def woocommerce():
    secret = current_app.config["WOO_WEBHOOK_SECRET"].encode()
    computed = base64.b64encode(hmac.new(secret, request.get_data(), hashlib.sha256).digest()).decode()
    if not hmac.compare_digest(computed, request.headers.get("X-WC-Webhook-Signature", "")):
        abort(401)
    apply_paddle_event({"event_type": "woo." + request.headers["X-WC-Webhook-Topic"], "data": json.loads(request.data)})
    return "", 200


@bp.get("/status")
def status():
    return jsonify(ok=True, version=current_app.config.get("VERSION", "dev"))
