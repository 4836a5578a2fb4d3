"""Request and client logging for the API service (stdlib logging)."""
import hashlib
import logging

import requests
from flask import Flask, g, request

from api.masking import mask, redact

logger = logging.getLogger("api.requests")
audit = logging.getLogger("api.audit")
app = Flask(__name__)

partner = requests.Session()
partner.headers.update({"Authorization": "Bearer " + app.config.get("PARTNER_TOKEN", ""), "Accept": "application/json"})


@app.before_request
def log_request() -> None:
    logger.debug("%s %s headers=%s", request.method, request.path, dict(request.headers))  # expect: secret-in-log
    logger.info("%s %s from %s", request.method, request.path, request.remote_addr)


@app.after_request
def log_response(response):
    logger.info("%s %s -> %s", request.method, request.path, response.status_code)
    return response


def login(username: str, password: str) -> bool:
    logger.info("login attempt for %s", username)
    ok = _check(username, password)
    if not ok:
        logger.warning("login failed for %s with password %s", username, password)  # expect: secret-in-log
    return ok


def reset_password(email: str, reset_token: str) -> None:
    logger.info("password reset requested for %s", email)
    logger.debug("reset token fingerprint %s", hashlib.sha256(reset_token.encode()).hexdigest()[:12])
    audit.info("reset token issued for %s: %s", email, mask(reset_token))


def call_partner(path: str, api_key: str) -> dict:
    logger.info("calling partner %s with key %s", path, redact(api_key))
    logger.debug("partner key present: %s, length %d", bool(api_key), len(api_key))
    resp = partner.get(f"https://partner.example.com{path}", headers={"X-Api-Key": api_key}, timeout=10)
    if resp.status_code >= 400:
        logger.error("partner call failed; session headers were %s", partner.headers)  # expect: secret-in-log
        resp.raise_for_status()
    return resp.json()


def connect_db(dsn: str, db_password: str) -> None:
    try:
        _connect(dsn, db_password)
    except ConnectionError:
        logger.error("could not connect to %s using " + db_password, dsn)  # expect: secret-in-log
        raise


def record_usage(user_id: str, tokens_used: int, token_count: int) -> None:
    audit.info("user %s used %d tokens (%d in prompt)", user_id, tokens_used, token_count)
    audit.info("api key %s for %s", "set" if g.get("api_key") else "missing", user_id)


def _check(username: str, password: str) -> bool:
    return bool(username and password)


def _connect(dsn: str, db_password: str) -> None:
    raise ConnectionError(dsn)
