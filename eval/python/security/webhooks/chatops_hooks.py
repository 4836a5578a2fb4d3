"""Slack slash commands, Twilio SMS replies and Svix deliveries for the support desk."""
import hashlib
import hmac
import os
import time

from flask import Flask, abort, request
from slack_sdk.signature import SignatureVerifier
from svix.webhooks import Webhook, WebhookVerificationError
from twilio.request_validator import RequestValidator

from support.desk import assign_ticket, log_sms_reply, open_ticket, sync_customer

app = Flask(__name__)

slack_verifier = SignatureVerifier(os.environ["SLACK_SIGNING_SECRET"])
twilio_validator = RequestValidator(os.environ["TWILIO_AUTH_TOKEN"])
SLACK_SIGNING_SECRET = os.environ["SLACK_SIGNING_SECRET"]
SVIX_SECRET = os.environ["SVIX_WEBHOOK_SECRET"]


@app.route("/slack/commands", methods=["POST"])
def slack_command():
    if not slack_verifier.is_valid_request(request.get_data(), request.headers):
        abort(403)
    return open_ticket(request.form["text"], requester=request.form["user_id"])


@app.route("/slack/interactions", methods=["POST"])
def slack_interaction():
    body = request.get_data(as_text=True)
    timestamp = request.headers.get("X-Slack-Request-Timestamp", "0")
    if abs(time.time() - int(timestamp)) > 300:
        abort(403)
    basestring = f"v0:{timestamp}:{body}".encode()
    my_sig = "v0=" + hmac.new(SLACK_SIGNING_SECRET.encode(), basestring, hashlib.sha256).hexdigest()
    slack_sig = request.headers.get("X-Slack-Signature", "")
    if my_sig == slack_sig:  # expect: timing-unsafe-comparison
        return assign_ticket(request.form["payload"])
    abort(403)


@app.route("/slack/events", methods=["POST"])  # expect: unverified-webhook
def slack_events():
    if request.headers.get("X-Slack-Signature") is None:
        abort(403)
    event = request.get_json()
    if event.get("type") == "url_verification":
        return {"challenge": event["challenge"]}
    open_ticket(event["event"]["text"], requester=event["event"]["user"])
    return "", 200


@app.route("/twilio/sms", methods=["POST"])
def twilio_sms():
    signature = request.headers.get("X-Twilio-Signature", "")
    if not twilio_validator.validate(request.url, request.form, signature):
        abort(403)
    log_sms_reply(request.form["From"], request.form["Body"])
    return "<Response/>", 200, {"Content-Type": "text/xml"}


@app.route("/twilio/status", methods=["POST"])  # expect: unverified-webhook
def twilio_status():
    if not request.headers.get("X-Twilio-Signature"):
        abort(403)
    log_sms_reply(request.form["To"], request.form["MessageStatus"])
    return "", 204


def _verify_svix(payload: bytes, headers) -> dict:
    try:
        return Webhook(SVIX_SECRET).verify(payload, headers)
    except WebhookVerificationError:
        abort(400)


@app.route("/customers/sync", methods=["POST"])
def customer_sync():
    event = _verify_svix(request.get_data(), dict(request.headers))
    sync_customer(event["data"])
    return "", 204


@app.route("/customers/import", methods=["POST"])  # expect: unverified-webhook
def customer_import():
    sync_customer(request.get_json()["data"])
    return "", 204
