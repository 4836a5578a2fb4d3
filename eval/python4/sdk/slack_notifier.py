"""Posts deployment and incident notices to Slack."""
import logging
import os

import requests
from slack_sdk import WebClient

logger = logging.getLogger(__name__)

DEPLOYS_WEBHOOK = "https://hooks.slack.com/services/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"  # expect: hardcoded-credential
INCIDENTS_WEBHOOK = os.environ["SLACK_INCIDENTS_WEBHOOK"]
SLACK_BOT_TOKEN = os.getenv("SLACK_BOT_TOKEN") or "xoxb-2210348-8839201-Qm3Xt7Lp2Rz9Wk5Nv1Bd"  # expect: hardcoded-credential

bot = WebClient(token=SLACK_BOT_TOKEN)


def announce_deploy(service: str, version: str) -> None:
    resp = requests.post(DEPLOYS_WEBHOOK, json={"text": f"{service} {version} deployed"}, timeout=5)
    if resp.status_code != 200:
        logger.warning("slack deploy notice failed: %s %s", resp.status_code, resp.text)


def open_incident(title: str) -> None:
    resp = requests.post(INCIDENTS_WEBHOOK, json={"text": f":rotating_light: {title}"}, timeout=5)
    resp.raise_for_status()
    bot.chat_postMessage(channel="#incidents", text=title)
    logger.info("incident opened; bot token length %d", len(SLACK_BOT_TOKEN))
