"""Login, API-key and token-refresh flows of the account service, with their logging."""
import hashlib
import logging

import structlog
from flask import current_app, request
from loguru import logger as loguru_logger

from accounts.models import ApiKey, User
from accounts.oauth import refresh_access_token
from accounts.redaction import mask

logger = logging.getLogger(__name__)
audit = structlog.get_logger("audit")


def login(email: str, password: str) -> User | None:
    user = User.by_email(email)
    if user is None or not user.check_password(password):
        logger.warning("failed login for %s with password %s", email, password)  # expect: secret-in-log
        return None
    logger.info("login ok for %s", email)
    return user


def rotate_api_key(user: User) -> str:
    api_key = ApiKey.generate(user)
    logger.info(f"new api key for {user.id}: {api_key}")  # expect: secret-in-log
    logger.info("new api key for %s ends in %s", user.id, mask(api_key))
    logger.debug("api key fingerprint %s", hashlib.sha256(api_key.encode()).hexdigest()[:12])
    return api_key


def refresh(user: User) -> None:
    access_token = refresh_access_token(user.refresh_token)
    logger.debug(  # expect: secret-in-log
        "refreshed token for user=%s token=%s",
        user.id,
        access_token,
    )
    logger.info("refresh for %s: token present=%s", user.id, bool(access_token))
    logger.info("refresh for %s: token length %d", user.id, len(access_token))
    logger.info("refresh token %s", "set" if user.refresh_token else "missing")
    audit.info("token_refreshed", user_id=user.id, access_token=access_token)  # expect: secret-in-log


def log_request_context() -> None:
    current_app.logger.debug("incoming headers: %s", dict(request.headers))  # expect: secret-in-log
    current_app.logger.debug("incoming path: %s, agent: %s", request.path, request.user_agent)


def record_usage(user: User, tokens_used: int, prompt_tokens: int) -> None:
    logger.info("user %s used %d tokens (%d prompt)", user.id, tokens_used, prompt_tokens)


class PartnerSync:
    def __init__(self, partner, client_secret: str):
        self.partner = partner
        self.client_secret = client_secret
        self.logger = logging.getLogger("partner-sync")

    def start(self) -> None:
        self.logger.info("starting sync for %s with secret " + self.client_secret, self.partner.name)  # expect: secret-in-log
        self.logger.info("starting sync for %s (secret %s...)", self.partner.name, self.client_secret[:4])

    def failed(self, exc: Exception) -> None:
        self.logger.error("sync failed for {}: {}".format(self.partner.name, exc))


def reset_link(user: User, reset_token: str) -> str:
    print("password reset token for %s: %s" % (user.email, reset_token))  # expect: secret-in-log
    loguru_logger.info("password reset requested for {}", user.email)
    return f"https://accounts.fincore.app/reset?token={reset_token}"


def webhook_signature_mismatch(signature: str, expected_len: int) -> None:
    logger.warning("signature mismatch (got %s, expected %d chars)", signature, expected_len)


def debug_session(session_id: str) -> None:
    logger.debug("session %s", session_id, extra={"cookie_name": "sessionid", "password_reset": False})
