import hashlib
import hmac
import os

from flask import Blueprint, abort, current_app, jsonify, request
from twilio.request_validator import RequestValidator

from ..jobs import enqueue_github_event, enqueue_intercom, enqueue_sms

bp = Blueprint("inbound", __name__, url_prefix="/inbound")
twilio_validator = RequestValidator(os.environ["TWILIO_AUTH_TOKEN"])


def verify_github_signature(body: bytes, header: str) -> bool:
    secret = current_app.config["GITHUB_WEBHOOK_SECRET"].encode()
    digest = hmac.new(secret, body, hashlib.sha256).hexdigest()
    return hmac.compare_digest(f"sha256={digest}", header or "")


@bp.route("/github", methods=["POST"])
def github_events():
    if not verify_github_signature(request.get_data(), request.headers.get("X-Hub-Signature-256")):
        abort(401)
    enqueue_github_event(request.headers["X-GitHub-Event"], request.get_json())
    return "", 204


@bp.post("/twilio/sms")
def twilio_sms():
    signature = request.headers.get("X-Twilio-Signature", "")
    if not twilio_validator.validate(request.url, request.form, signature):
        abort(403)
    enqueue_sms(request.form["From"], request.form["Body"])
    return "<Response/>", 200, {"Content-Type": "application/xml"}


@bp.post("/intercom")  # expect: unverified-webhook
def intercom_events():
    current_app.logger.info("intercom delivery %s", request.headers)  # expect: secret-in-log
    enqueue_intercom(request.get_json(force=True))
    return jsonify(ok=True)


@bp.get("/health")
def health():
    return jsonify(status="ok")
