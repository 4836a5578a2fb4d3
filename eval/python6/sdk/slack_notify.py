import logging
import os

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from slack_sdk.webhook import WebhookClient

logger = logging.getLogger(__name__)

slack = WebClient(token=os.environ["SLACK_BOT_TOKEN"], timeout=10)
alerts_hook = WebhookClient("https://hooks.slack.com/services/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")  # expect: hardcoded-credential
ops_slack = WebClient(token=os.environ.get("OPS_SLACK_TOKEN", ""))


def post_alert(text: str) -> None:
    try:
        slack.chat_postMessage(channel="#alerts", text=text)
    except SlackApiError as exc:
        logger.error("slack post failed: %s (token=%s)", exc.response["error"], slack.token)  # expect: secret-in-log


def post_deploy(text: str) -> None:
    resp = alerts_hook.send(text=text)
    if resp.status_code != 200:
        logger.warning("webhook refused: %s", resp.body)
