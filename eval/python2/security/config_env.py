"""Runtime configuration of the notification worker, read once at start-up."""
import getpass
import os
from dataclasses import dataclass, field

from decouple import config

LOG_LEVEL = os.getenv("LOG_LEVEL", "INFO")
SENDGRID_API_KEY = os.getenv("SENDGRID_API_KEY", "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")  # expect: hardcoded-credential
TWILIO_AUTH_TOKEN = os.environ.get("TWILIO_AUTH_TOKEN", "18aa107f174cb78a6bbeef965d4f0bd1")  # expect: hardcoded-credential
TWILIO_ACCOUNT_SID = os.environ.get("TWILIO_ACCOUNT_SID", "AC529b8430691cc5324ca89165999b4c60")
PUSH_SERVER_KEY = config("PUSH_SERVER_KEY", default="")
ENCRYPTION_KEY = config(
    "ENCRYPTION_KEY",
    default="Qm9vdHN0cmFwLWVuY3J5cHRpb24ta2V5LTIwMjQ=",  # expect: hardcoded-credential
)
REDIS_PASSWORD = os.getenv("REDIS_PASSWORD") or "cQ0Rm#A2TQhZwb"  # expect: hardcoded-credential
SMTP_PASSWORD = os.getenv("SMTP_PASSWORD", "changeme")
WEBHOOK_SECRET = os.getenv("WEBHOOK_SECRET", "your-webhook-secret")
TOKEN_URL = os.getenv("TOKEN_URL", "https://auth.notifyhub.io/oauth/token")
SECRET_NAME = os.getenv("SECRET_NAME", "prod/notify/worker")

os.environ.setdefault("SENTRY_AUTH_TOKEN", "IGqQ189RbeCpIPAvNk1rndI1fxD")  # expect: hardcoded-credential
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "notify.settings")


@dataclass
class BrokerConfig:
    host: str = os.getenv("BROKER_HOST", "rabbitmq")
    user: str = os.getenv("BROKER_USER", "notify")
    password: str = field(default_factory=lambda: os.environ["BROKER_PASSWORD"])
    vhost: str = "/notify"


@dataclass
class ApnsConfig:
    key_id: str = "8Q2ZK4L9MX"
    team_id: str = "A1B2C3D4E5"
    auth_key_path: str = "/run/secrets/apns.p8"
    signing_key: str = "I4HsIDQspIL6ZZcA6JVkybmtQC7"  # expect: hardcoded-credential


def admin_password() -> str:
    if os.isatty(0):
        return getpass.getpass("Admin password: ")
    return os.environ["ADMIN_PASSWORD"]
