"""Slack app installation (OAuth v2) and the events endpoint, for the team-digest bot."""
import hashlib
import hmac
import logging
import os
import time

import requests
from flask import Flask, abort, redirect, request
from slack_sdk.signature import SignatureVerifier

app = Flask(__name__)
log = logging.getLogger("digest-bot")

SLACK_CLIENT_ID = os.environ["SLACK_CLIENT_ID"]
SLACK_CLIENT_SECRET = os.environ["SLACK_CLIENT_SECRET"]
SLACK_SIGNING_SECRET = os.environ["SLACK_SIGNING_SECRET"]
verifier = SignatureVerifier(SLACK_SIGNING_SECRET)


@app.get("/slack/install/callback")
def install_callback():
    resp = requests.post(
        "https://slack.com/api/oauth.v2.access",
        data={"code": request.args["code"], "client_id": SLACK_CLIENT_ID, "client_secret": SLACK_CLIENT_SECRET},
        timeout=10,
    )
    resp.raise_for_status()
    body = resp.json()
    if not body.get("ok"):
        abort(400)
    bot_token = body["access_token"]
    log.info("installed in team %s with bot token %s", body["team"]["id"], bot_token)  # expect: secret-in-log
    save_installation(body["team"]["id"], bot_token)
    return redirect("/installed")


@app.post("/slack/events")
def events():
    if not verifier.is_valid_request(request.get_data(), request.headers):
        abort(401)
    payload = request.get_json()
    if payload.get("type") == "url_verification":
        return {"challenge": payload["challenge"]}
    return "", 200


@app.post("/slack/commands")
def commands():
    timestamp = request.headers["X-Slack-Request-Timestamp"]
    if abs(time.time() - int(timestamp)) > 300:
        abort(400)
    base = f"v0:{timestamp}:{request.get_data(as_text=True)}".encode()
    expected_sig = "v0=" + hmac.new(SLACK_SIGNING_SECRET.encode(), base, hashlib.sha256).hexdigest()
    received_sig = request.headers.get("X-Slack-Signature", "")
    if expected_sig == received_sig:  # expect: timing-unsafe-comparison
        return {"text": "digest queued"}
    abort(401)


@app.post("/slack/interactivity")
def interactivity():
    payload = request.form["payload"]
    log.info("interaction received (%d bytes)", len(payload))
    return "", 200


def save_installation(team_id, bot_token):
    from models import Installation

    Installation.upsert(team_id=team_id, bot_token=bot_token)
