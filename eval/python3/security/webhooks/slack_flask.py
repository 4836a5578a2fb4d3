import hashlib
import hmac
import os
import time

from flask import Flask, abort, request
from slack_sdk.signature import SignatureVerifier

from .slack_handlers import dispatch, handle_interaction, run_command

app = Flask(__name__)
SLACK_SIGNING_SECRET = os.environ["SLACK_SIGNING_SECRET"]
verifier = SignatureVerifier(SLACK_SIGNING_SECRET)

print(f"starting slack app with signing secret {SLACK_SIGNING_SECRET}")  # expect: secret-in-log


@app.route("/slack/commands", methods=["POST"])
def commands():
    timestamp = request.headers["X-Slack-Request-Timestamp"]
    if abs(time.time() - int(timestamp)) > 300:
        abort(400)
    basestring = f"v0:{timestamp}:{request.get_data(as_text=True)}".encode()
    my_signature = "v0=" + hmac.new(SLACK_SIGNING_SECRET.encode(), basestring, hashlib.sha256).hexdigest()
    if my_signature == request.headers["X-Slack-Signature"]:  # expect: timing-unsafe-comparison
        return run_command(request.form)
    abort(403)


@app.route("/slack/interactions", methods=["POST"])
def interactions():
    if not verifier.is_valid(
        body=request.get_data(),
        timestamp=request.headers.get("X-Slack-Request-Timestamp"),
        signature=request.headers.get("X-Slack-Signature"),
    ):
        abort(403)
    return handle_interaction(request.form["payload"])


@app.route("/slack/events", methods=["GET", "POST"])  # expect: unverified-webhook
def events():
    if request.method == "GET":
        return "ok"
    payload = request.get_json()
    if payload.get("type") == "url_verification":
        return payload["challenge"]
    dispatch(payload["event"])
    return "", 200


@app.route("/slack/oauth/callback")
def oauth_callback():
    return run_command({"code": request.args["code"]})
