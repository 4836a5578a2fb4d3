"""Standard-library logging helpers for the auth service."""
from __future__ import annotations

import logging
from typing import Any

from flask import current_app, request

logger = logging.getLogger("auth.audit")
SENSITIVE = {"password", "token", "secret", "authorization", "cookie"}


def redact(data: dict[str, Any]) -> dict[str, Any]:
    return {k: ("***" if k.lower() in SENSITIVE else v) for k, v in data.items()}


def log_login_attempt(username: str, password: str, ok: bool) -> None:
    logger.info("login attempt user=%s ok=%s", username, ok)
    if not ok:
        logger.debug("failed login for %s with password %s", username, password)  # expect: secret-in-log


def log_request_headers() -> None:
    current_app.logger.debug("headers: %s", redact(dict(request.headers)))
    current_app.logger.debug("raw headers: %s", dict(request.headers))  # expect: secret-in-log


def log_api_client(client_id: str, api_key: str) -> None:
    logging.info("api client %s authenticated with key " + api_key, client_id)  # expect: secret-in-log
    logging.info("api client %s authenticated (key length %d)", client_id, len(api_key))


def log_reset(user_id: int, reset_token: str) -> None:
    logger.warning("password reset requested for user %s", user_id)
    logger.log(logging.INFO, "reset link token={}".format(reset_token))  # expect: secret-in-log
    print(f"[debug] reset token issued for {user_id}")


def log_session(session_id: str, csrf_token: str) -> None:
    logger.info("session %s started", session_id)
    logger.debug("session extras", extra={"csrf_token": csrf_token})  # expect: secret-in-log
    print("csrf token:", csrf_token)  # expect: secret-in-log
