"""Worker configuration as frozen dataclasses, read once from the environment."""
import os
from dataclasses import dataclass, field


def _env(name: str, default: str | None = None) -> str | None:
    return os.environ.get(name, default)


@dataclass(frozen=True)
class SmtpConfig:
    host: str = "smtp.sendgrid.net"
    port: int = 587
    username: str = "apikey"
    password: str = os.environ.get("SMTP_PASSWORD", "Xk9mPq2vL7wRt4")  # expect: hardcoded-credential
    use_tls: bool = True


@dataclass(frozen=True)
class BrokerConfig:
    url: str = "amqp://guest:guest@localhost:5672/"
    results_url: str = "postgresql://worker:worker@db:5432/results"
    cache_url: str = "redis://default:9bT4kLq2Zx7mWp@redis-18342.c1.eu-west-1.ec2.cloud.redislabs.com:18342"  # expect: hardcoded-credential
    prefetch: int = 10


@dataclass(frozen=True)
class ApiConfig:
    base_url: str = "https://api.acme-logistics.com/v2"
    api_token: str = field(default_factory=lambda: os.environ["LOGISTICS_API_TOKEN"])
    token_header: str = "X-Api-Token"
    secret_name: str = "prod/logistics/api"
    auth_scheme: str = "Bearer"
    timeout_seconds: float = 12.5


@dataclass(frozen=True)
class SigningConfig:
    key_id: str = "k-2024-11"
    signing_key: str = _env("SIGNING_KEY") or "6f1d9c3e8a2b7f4c0e5d1a9b"  # expect: hardcoded-credential
    algorithm: str = "HS256"
    previous_key_id: str | None = None


@dataclass(frozen=True)
class AppConfig:
    smtp: SmtpConfig = field(default_factory=SmtpConfig)
    broker: BrokerConfig = field(default_factory=BrokerConfig)
    api: ApiConfig = field(default_factory=ApiConfig)
    signing: SigningConfig = field(default_factory=SigningConfig)
    debug: bool = os.environ.get("DEBUG", "0") == "1"


def load() -> AppConfig:
    return AppConfig()
