"""SMS notifications through Twilio, wrapped for the notification service."""
import logging
import os
from dataclasses import dataclass

from twilio.base.exceptions import TwilioRestException
from twilio.rest import Client

logger = logging.getLogger(__name__)

TWILIO_ACCOUNT_SID = os.environ["TWILIO_ACCOUNT_SID"]
TWILIO_AUTH_TOKEN = os.getenv("TWILIO_AUTH_TOKEN", "9c1f3e7a2b8d4c6e0f5a1b3d7e9c2a4f")  # expect: hardcoded-credential
MESSAGING_SERVICE_SID = "MG2f6c1d8e4a7b9c3e5f0a1d2b4c6e8f0a"
STATUS_CALLBACK_PATH = "/hooks/twilio/status"


@dataclass
class SmsResult:
    sid: str | None
    error: str | None = None


class SmsNotifier:
    """Thin wrapper so the rest of the app never imports twilio directly."""

    def __init__(self, client: Client | None = None, public_base: str = ""):
        self.client = client or Client(TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN)
        self.public_base = public_base
        logger.info(
            "twilio notifier ready (account %s, auth token %s)",
            TWILIO_ACCOUNT_SID,
            "set" if TWILIO_AUTH_TOKEN else "missing",
        )

    def send(self, to: str, body: str) -> SmsResult:
        try:
            message = self.client.messages.create(
                to=to,
                messaging_service_sid=MESSAGING_SERVICE_SID,
                body=body,
                status_callback=self.public_base + STATUS_CALLBACK_PATH,
            )
        except TwilioRestException as exc:
            logger.warning("twilio rejected message to %s: %s (code %s)", to, exc.msg, exc.code)
            return SmsResult(sid=None, error=exc.msg)
        logger.info("queued sms %s to %s", message.sid, to)
        return SmsResult(sid=message.sid)

    def send_bulk(self, recipients: list[str], body: str) -> list[SmsResult]:
        return [self.send(number, body) for number in recipients]


def sandbox_client() -> Client:
    # The support team's sandbox account, used by the staging smoke tests.
    return Client("AC0f1e2d3c4b5a69788796a5b4c3d2e1f0", "4d2f8a6c1e9b3d7f5a0c2e4b6d8f1a3c")  # expect: hardcoded-credential


def verify_client(client: Client, service_sid: str, phone: str) -> str:
    verification = client.verify.v2.services(service_sid).verifications.create(to=phone, channel="sms")
    return verification.status
