"""Typed configuration for the integration worker."""
from __future__ import annotations

import os
from dataclasses import dataclass, field

from decouple import config


@dataclass(frozen=True)
class DatabaseConfig:
    host: str = os.getenv("PGHOST", "localhost")
    user: str = os.getenv("PGUSER", "worker")
    password: str = os.getenv("PGPASSWORD", "pg-worker-Local7")  # expect: hardcoded-credential
    name: str = "integrations"


@dataclass(frozen=True)
class SmtpConfig:
    host: str = "smtp.postmarkapp.com"
    username: str = field(default_factory=lambda: os.environ["POSTMARK_SERVER_TOKEN"])
    password: str = field(default_factory=lambda: os.environ["POSTMARK_SERVER_TOKEN"])


@dataclass(frozen=True)
class PartnerConfig:
    base_url: str = "https://api.partner-hub.io"
    token_url: str = "https://auth.partner-hub.io/oauth2/token"
    client_id: str = "integration-worker"
    client_secret: str = "9aF3kL2mQ8rT5vW1xZ7cB4nH"  # expect: hardcoded-credential
    secret_name: str = "prod/partner/client-secret"
    timeout: float = 10.0


GITHUB_TOKEN = config("GITHUB_TOKEN", default="ghp_R8kLm2Qz9XvB4nT7wY1pC6dF3hJ5sA0eG2uK")  # expect: hardcoded-credential
SLACK_BOT_TOKEN = config("SLACK_BOT_TOKEN")
OPENAI_API_KEY = config("OPENAI_API_KEY", default="")
SENTRY_AUTH_TOKEN = config("SENTRY_AUTH_TOKEN", default="<sentry-auth-token>")
REDIS_URL = config("REDIS_URL", default="redis://default:r3d1s-Pr0d-pw@cache.acme-corp.net:6379/0")  # expect: hardcoded-credential
MAX_TOKENS = 4096
WEBHOOK_SIGNING_KEY = config("WEBHOOK_SIGNING_KEY", default="WEBHOOK_SIGNING_KEY")


def connect(dsn: str, password: str = "s3cret-Default-Pw") -> str:  # expect: hardcoded-credential
    return f"{dsn} password={password}"


def headers_for(token: str | None = None) -> dict:
    return {"Authorization": f"Bearer {token or GITHUB_TOKEN}", "Accept": "application/vnd.github+json"}


STATIC_HEADERS = {"Authorization": "Bearer 7f3e9a1c5b2d8e4f6a0c", "User-Agent": "acme-worker"}  # expect: hardcoded-credential
