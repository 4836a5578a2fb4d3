"""Request auditing and login diagnostics for the admin API (Flask)."""
import hashlib
import logging

import requests
from flask import Flask, current_app, g, request

from admin.auth import issue_session, verify_password
from admin.masking import mask, redact

logger = logging.getLogger("admin.audit")
app = Flask(__name__)


@app.before_request
def audit_request():
    logger.debug("incoming %s %s headers=%s", request.method, request.path, request.headers)  # expect: secret-in-log
    logger.info("incoming %s %s from %s", request.method, request.path, request.remote_addr)


@app.after_request
def audit_response(response):
    app.logger.debug("request headers: %r", dict(request.headers))  # expect: secret-in-log
    app.logger.info("%s %s -> %s", request.method, request.path, response.status_code)
    return response


@app.post("/login")
def login():
    username = request.form["username"]
    password = request.form["password"]
    logger.info("login attempt for %s", username)
    if not verify_password(username, password):
        logger.warning("failed login for %s with password %s", username, password)  # expect: secret-in-log
        return {"error": "invalid credentials"}, 401
    session_token = issue_session(username)
    logger.info(f"issued session {session_token} to {username}")  # expect: secret-in-log
    logger.info("issued session %s to %s", hashlib.sha256(session_token.encode()).hexdigest()[:12], username)
    return {"token": session_token}


@app.post("/api-keys")
def create_api_key():
    api_key = g.key_service.create(g.user)
    current_app.logger.info("created key " + api_key + " for " + g.user.email)  # expect: secret-in-log
    current_app.logger.info("created key %s for %s", mask(api_key), g.user.email)
    current_app.logger.info("key length %d, present=%s", len(api_key), bool(api_key))
    return {"api_key": api_key}


@app.post("/integrations/<name>")
def save_integration(name: str):
    client_secret = request.json.get("client_secret")
    logger.info("saving integration %s (client secret %s)", name, "set" if client_secret else "missing")
    logger.debug("integration {} secret {}".format(name, client_secret))  # expect: secret-in-log
    logger.info("integration saved", extra={"integration": name, "client_secret": redact(client_secret)})
    logger.info("integration saved", extra={"integration": name, "client_secret": client_secret})  # expect: secret-in-log
    return {"ok": True}


def call_partner(url: str, token: str) -> dict:
    resp = requests.get(url, headers={"Authorization": f"Bearer {token}"}, timeout=10)
    if not resp.ok:
        logger.error("partner call failed: %s, sent headers %s", resp.status_code, resp.request.headers)  # expect: secret-in-log
        logger.error("partner call failed: %s %s", resp.status_code, resp.url)
        resp.raise_for_status()
    return resp.json()


def log_usage(tokens_used: int, token_url: str) -> None:
    logger.info("model call used %d tokens via %s", tokens_used, token_url)
    logger.info("token endpoint %s", token_url)
