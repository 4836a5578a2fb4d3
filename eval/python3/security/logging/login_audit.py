import hashlib
import logging

import structlog
from django.conf import settings

from .masking import mask

logger = logging.getLogger("auth")
slog = structlog.get_logger(__name__)


def on_login(user, password: str, request) -> None:
    logger.info("login attempt for %s", user.email)
    logger.debug("login attempt for %s with password %s", user.email, password)  # expect: secret-in-log
    slog.info("login", user_id=user.id, ip=request.META.get("REMOTE_ADDR"), has_password=bool(password))
    slog.warning("login.failed", user_id=user.id, password=password)  # expect: secret-in-log


def on_token_refresh(user, refresh_token: str, request) -> None:
    slog.info("token.refresh", user_id=user.id, token_len=len(refresh_token))
    logger.info(f"refresh for {user.id}: {refresh_token}")  # expect: secret-in-log
    logger.info("refresh headers %s", dict(request.headers))  # expect: secret-in-log
    logger.info("refresh token url %s", settings.TOKEN_URL)
    logger.info("refresh fingerprint %s", hashlib.sha256(refresh_token.encode()).hexdigest()[:12])


def on_api_key_created(user, new_token: str) -> None:
    logger.info("key created", extra={"user_id": user.id, "api_token": new_token})  # expect: secret-in-log
    logger.info("key created for %s", user.id, extra={"user_id": user.id, "tokens_used": 0})


def on_api_call(client, resp) -> None:
    logger.warning("upstream %s returned %s", resp.url, resp.status_code)
    logger.debug("sent headers: %s", resp.request.headers)  # expect: secret-in-log
    logger.info("client key %s", mask(client.api_key))
    logger.error("client %s auth %s", client.name, "set" if client.api_key else "missing")
    logger.info("using key id %s", client.key_id)


def on_oauth_error(client_secret: str, error: str) -> None:
    logger.warning("oauth failed (%s) with secret %s" % (error, client_secret))  # expect: secret-in-log
    logger.warning("oauth failed: {}".format(error))
