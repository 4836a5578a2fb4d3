"""Slack app endpoints: events API, slash commands and interactivity."""
import hashlib
import hmac
import os
import time

from flask import Blueprint, abort, current_app, jsonify, request
from slack_sdk.signature import SignatureVerifier
from slack_sdk import WebClient

from helpdesk.commands import run_command
from helpdesk.events import dispatch_event, handle_action

slack = Blueprint("slack", __name__)

SLACK_SIGNING_SECRET = os.environ["SLACK_SIGNING_SECRET"]
SLACK_BOT_TOKEN = os.environ.get("SLACK_BOT_TOKEN", "xoxb-186032080737-0283822264686-3fytlwlqDFX0AsDluHEChHYH")  # expect: hardcoded-credential
verifier = SignatureVerifier(signing_secret=SLACK_SIGNING_SECRET)
client = WebClient(token=SLACK_BOT_TOKEN)


@slack.route("/slack/events", methods=["POST"])
def events():
    if not verifier.is_valid_request(request.get_data(), request.headers):
        abort(401)
    payload = request.get_json()
    if payload.get("type") == "url_verification":
        return jsonify(challenge=payload["challenge"])
    dispatch_event(payload["event"])
    return "", 200


@slack.route("/slack/commands", methods=["POST"])
def commands():
    timestamp = request.headers["X-Slack-Request-Timestamp"]
    if abs(time.time() - int(timestamp)) > 300:
        abort(401)
    basestring = f"v0:{timestamp}:{request.get_data(as_text=True)}".encode()
    computed = "v0=" + hmac.new(SLACK_SIGNING_SECRET.encode(), basestring, hashlib.sha256).hexdigest()
    slack_signature = request.headers["X-Slack-Signature"]
    if computed != slack_signature:  # expect: timing-unsafe-comparison
        abort(401)
    return jsonify(run_command(request.form))


@slack.post("/slack/interactivity")  # expect: unverified-webhook
def interactivity():
    current_app.logger.debug("interaction from team %s", request.form.get("team_id"))
    current_app.logger.info("using bot token %s", SLACK_BOT_TOKEN)  # expect: secret-in-log
    handle_action(request.form["payload"])
    return "", 200
