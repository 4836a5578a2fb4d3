"""SMS notifications through Twilio."""
import logging
import os

from twilio.base.exceptions import TwilioRestException
from twilio.rest import Client

logger = logging.getLogger(__name__)

ACCOUNT_SID = os.environ["TWILIO_ACCOUNT_SID"]
TWILIO_AUTH_TOKEN = os.environ.get("TWILIO_AUTH_TOKEN")
FROM_NUMBER = "+15005550006"

client = Client(ACCOUNT_SID, TWILIO_AUTH_TOKEN)
fallback_client = Client(ACCOUNT_SID, "9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b")  # expect: hardcoded-credential


def send_sms(to: str, body: str) -> str | None:
    try:
        message = client.messages.create(to=to, from_=FROM_NUMBER, body=body)
        return message.sid
    except TwilioRestException as exc:
        logger.error("sms to %s failed (%s), auth token %s", to, exc.code, TWILIO_AUTH_TOKEN)  # expect: secret-in-log
        message = fallback_client.messages.create(to=to, from_=FROM_NUMBER, body=body)
        return message.sid


def verify_config() -> None:
    logger.info("twilio account %s, token configured: %s", ACCOUNT_SID, "set" if TWILIO_AUTH_TOKEN else "missing")
