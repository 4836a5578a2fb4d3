"""Dataclass configuration for the notification relay."""
import os
from dataclasses import dataclass, field

import boto3


def secret_from_manager(name: str) -> str:
    client = boto3.client("secretsmanager")
    return client.get_secret_value(SecretId=name)["SecretString"]


@dataclass(frozen=True)
class SmtpConfig:
    host: str = os.getenv("SMTP_HOST", "smtp.mailrelay.example.com")
    port: int = int(os.getenv("SMTP_PORT", "587"))
    username: str = os.getenv("SMTP_USERNAME", "relay")
    password: str = os.getenv("SMTP_PASSWORD", "Relay#2026-prod")  # expect: hardcoded-credential
    use_tls: bool = True


@dataclass
class WebhookRelayConfig:
    signing_secret: str = field(default_factory=lambda: os.environ["RELAY_SIGNING_SECRET"])
    api_token: str = field(default_factory=lambda: secret_from_manager("relay/api-token"))
    admin_token: str = os.environ.get("RELAY_ADMIN_TOKEN") or "adm_5Hq9Lw2Zx7Rk3Vn8"  # expect: hardcoded-credential
    fallback_password: str = os.environ.get("RELAY_FALLBACK_PASSWORD", "RELAY_FALLBACK_PASSWORD")


def load_pagerduty_key() -> str:
    os.environ.setdefault("PAGERDUTY_ROUTING_KEY", "R0ut1ngK3yPd8842")
    os.environ.setdefault("PAGERDUTY_API_TOKEN", "u+Xb9f2Kd7Lm3Qp8Rt5W")  # expect: hardcoded-credential
    return os.environ["PAGERDUTY_API_TOKEN"]
