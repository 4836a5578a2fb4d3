"""Structured logging (structlog and loguru) around the OAuth and billing clients."""
import logging

import structlog
from loguru import logger

std_logger = logging.getLogger(__name__)
log = structlog.get_logger("billing")


class OAuthClient:
    def __init__(self, client_id: str, client_secret: str):
        self.client_id = client_id
        self.client_secret = client_secret
        self.refresh_token: str | None = None

    def store(self, access_token: str, refresh_token: str, expires_in: int) -> None:
        self.refresh_token = refresh_token
        log.info("oauth.tokens_stored", client_id=self.client_id, expires_in=expires_in)
        log.debug("oauth.refresh_stored", refresh_token=refresh_token)  # expect: secret-in-log
        logger.info("stored tokens for {} (expires in {}s)", self.client_id, expires_in)

    def debug_dump(self) -> None:
        logger.debug("oauth client {} secret {}", self.client_id, self.client_secret)  # expect: secret-in-log
        logger.debug("oauth client {} has refresh token: {}", self.client_id, self.refresh_token is not None)


def charge_failed(customer_id: str, card_last4: str, error_code: str) -> None:
    log.warning("billing.charge_failed", customer=customer_id, card_last4=card_last4, code=error_code)


def webhook_received(event_type: str, signing_secret: str, payload_size: int) -> None:
    bound = log.bind(event_type=event_type)
    bound.info("billing.webhook", size=payload_size, secret_configured=bool(signing_secret))
    std_logger.info("webhook %s", event_type, extra={"event_type": event_type, "signing_secret": signing_secret})  # expect: secret-in-log


def api_call(path: str, api_key: str, status: int) -> None:
    std_logger.info("partner call %s -> %s", path, status, extra={"path": path, "status": status})
    print(f"partner call {path} with key {api_key} -> {status}")  # expect: secret-in-log
    print(f"partner call {path} -> {status}")
