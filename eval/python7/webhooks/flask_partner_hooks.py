import hashlib
import hmac
import os

from flask import Blueprint, abort, jsonify, request
from slack_sdk.signature import SignatureVerifier
from twilio.request_validator import RequestValidator

bp = Blueprint("partner_hooks", __name__, url_prefix="/partners")
slack_verifier = SignatureVerifier(os.environ["SLACK_SIGNING_SECRET"])
twilio_validator = RequestValidator(os.environ["TWILIO_AUTH_TOKEN"])


@bp.route("/slack/events", methods=["POST"])
def slack_events():
    if not slack_verifier.is_valid_request(request.get_data(), request.headers):
        abort(401)
    return jsonify(ok=True)


@bp.route("/twilio/status", methods=["POST"])
def twilio_status():
    if not twilio_validator.validate(request.url, request.form, request.headers.get("X-Twilio-Signature", "")):
        abort(403)
    return "", 204


@bp.route("/jira/events", methods=["POST"])  # expect: unverified-webhook
def jira_events():
    issue = request.get_json()["issue"]
    return jsonify(key=issue["key"])


@bp.route("/zendesk", methods=["POST"])  # expect: unverified-webhook
def zendesk():
    signature = request.headers.get("X-Zendesk-Webhook-Signature")
    if not signature:
        abort(400)
    return jsonify(ok=True)


@bp.route("/sentry", methods=["POST"])
def sentry():
    body = request.get_data()
    digest = hmac.new(os.environ["SENTRY_CLIENT_SECRET"].encode(), body, hashlib.sha256).hexdigest()
    if not hmac.compare_digest(digest, request.headers.get("Sentry-Hook-Signature", "")):
        abort(401)
    return jsonify(ok=True)


@bp.route("/status", methods=["GET"])
def status():
    return jsonify(up=True)
