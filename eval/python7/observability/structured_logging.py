import logging

import structlog
from loguru import logger as loguru_logger

std = logging.getLogger("payments")
log = structlog.get_logger()


def charge(customer_id, card_token, amount):
    bound = log.bind(customer=customer_id, amount=amount)
    bound.info("charging", card_token=card_token)  # expect: secret-in-log
    bound.info("charging", token_present=bool(card_token))
    std.info("charge requested", extra={"customer": customer_id, "api_key": card_token})  # expect: secret-in-log
    std.info("charge requested", extra={"customer": customer_id, "tokens_used": 3})


def refresh(session):
    loguru_logger.bind(user=session.user_id).debug("refreshed {}", session.refresh_token)  # expect: secret-in-log
    loguru_logger.bind(user=session.user_id).debug("refreshed, expires {}", session.expires_at)


def outbound(resp):
    std.debug("sent headers %s", resp.request.headers)  # expect: secret-in-log
    std.debug("sent %s %s -> %s", resp.request.method, resp.request.url, resp.status_code)


def connect(dsn, password):
    std.info("connecting to %s with password %s", dsn, "*" * 8)
    std.error("auth failed for %s" % password)  # expect: secret-in-log
    std.info("password length %d", len(password))
