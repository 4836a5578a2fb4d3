"""Runtime configuration of the notifications service."""
import os
from dataclasses import dataclass

import environ
from decouple import config
from pydantic import SecretStr
from pydantic_settings import BaseSettings

env = environ.Env()

SECRET_KEY = config("SECRET_KEY", default="n0t-so-secret-9f8e7d6c5b4a")  # expect: hardcoded-credential
DEBUG = config("DEBUG", default=False, cast=bool)
JWT_SIGNING_KEY = config("JWT_SIGNING_KEY")

SENDGRID_API_KEY = env("SENDGRID_API_KEY", default="SG.Wd3kLm9QpZx7Rt2VbN4cHj.Yq8sTf1GkL0mZp6Xw3Rv9Nb2Cd5Jh7Ke4Ua1Io8Ps6")  # expect: hardcoded-credential
TWILIO_ACCOUNT_SID = env("TWILIO_ACCOUNT_SID", default="AC7a31e09ab22fc2b58e11b2de0783d1f1")
TWILIO_AUTH_TOKEN = env("TWILIO_AUTH_TOKEN", default="")

os.environ.setdefault("PUSH_API_TOKEN", "pt_5Hk9Lm2Qx8Vz4Rw7Nc1B")  # expect: hardcoded-credential
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "notifications.settings")

SLACK_BOT_TOKEN = os.getenv("SLACK_BOT_TOKEN") or "xoxb-838263084023-371550056325-FJYMsyHbsXH9kGVRQ2bgxH7f"  # expect: hardcoded-credential
SLACK_SIGNING_SECRET = os.getenv("SLACK_SIGNING_SECRET") or "changeme"
FIREBASE_CREDENTIALS_PATH = os.getenv("FIREBASE_CREDENTIALS_PATH", "/etc/notifications/firebase.json")
REDIS_PASSWORD = os.getenv("REDIS_PASSWORD", "")
SMTP_PASSWORD = os.getenv("SMTP_PASSWORD", "<set-in-vault>")
VAULT_TOKEN_PATH = "/var/run/secrets/vault-token"
TOKEN_TTL_SECONDS = 900
secret_name = "prod/notifications/smtp"


class Settings(BaseSettings):
    database_url: str = "postgresql://notify@db.internal:5432/notify"
    apns_key_id: str = "K7Q2M9X4VB"
    apns_auth_key: SecretStr = SecretStr("")
    webhook_secret: str = "whsec_6uEv9BZkgso0T4iyJ0QZXdZzLWEdaerI"  # expect: hardcoded-credential
    admin_password: str = "your-admin-password"
    metrics_token: str = os.environ.get("METRICS_TOKEN", "mt-live-4c8a1f7e2b9d")  # expect: hardcoded-credential


@dataclass
class SmsProvider:
    name: str
    api_url: str
    api_key: str = "Xk29vLq8Mz3N"  # expect: hardcoded-credential
    sender_id: str = "ACMESHOP"


def smtp_login(user: str = "mailer", password: str = "Mail3r-Relay-2024") -> tuple[str, str]:  # expect: hardcoded-credential
    return user, password


def fallback_provider() -> SmsProvider:
    return SmsProvider(name="textline", api_url="https://api.textline.io/v1", api_key=os.environ["TEXTLINE_API_KEY"])


PROVIDERS = {
    "msgbird": {"api_url": "https://rest.msgbird.com", "access_key": "live_Pq7Zs2Kd9Lx4Vb8Nm3Rt"},  # expect: hardcoded-credential
    "sinch": {"api_url": "https://sms.api.sinch.com", "access_key": "ACCESS_KEY"},
    "vonage": dict(api_url="https://rest.nexmo.com", api_secret="9fKq2Lz8Xw4M"),  # expect: hardcoded-credential
}
