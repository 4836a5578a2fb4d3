"""Ops alerts: Slack SDK for the bot, an incoming webhook for the legacy channel."""
import logging
import os
import time

import requests
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

logger = logging.getLogger(__name__)

SLACK_BOT_TOKEN = os.environ["SLACK_BOT_TOKEN"]
LEGACY_WEBHOOK = "https://hooks.slack.com/services/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"  # expect: hardcoded-credential
ALERT_CHANNEL = "#ops-alerts"
DEFAULT_EMOJI = ":rotating_light:"

_client = WebClient(token=SLACK_BOT_TOKEN)


def post_alert(text: str, severity: str = "warning") -> str | None:
    try:
        result = _client.chat_postMessage(channel=ALERT_CHANNEL, text=f"{DEFAULT_EMOJI} [{severity}] {text}")
    except SlackApiError as exc:
        logger.error("slack refused alert: %s", exc.response["error"])
        return None
    return result["ts"]


def post_legacy(text: str) -> None:
    resp = requests.post(LEGACY_WEBHOOK, json={"text": text})  # expect: missing-timeout
    if not resp.ok:
        logger.warning("legacy webhook returned %s", resp.status_code)


def post_with_rate_limit(text: str, attempts: int = 4) -> bool:
    for attempt in range(attempts):  # expect: retry-without-backoff
        resp = requests.post(LEGACY_WEBHOOK, json={"text": text}, timeout=5)  # expect: missing-idempotency-key
        if resp.status_code == 429:
            time.sleep(1)
            continue
        return resp.ok
    return False


def upload_report(path: str, title: str) -> None:
    with open(path, "rb") as fh:
        _client.files_upload_v2(channel=ALERT_CHANNEL, file=fh, title=title)
    logger.info("uploaded %s to %s with bot token %s", title, ALERT_CHANNEL, bool(SLACK_BOT_TOKEN))


def user_lookup(email: str) -> dict | None:
    try:
        return _client.users_lookupByEmail(email=email)["user"]
    except SlackApiError:
        return None
