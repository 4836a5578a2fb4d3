"""pydantic-settings configuration for the notifications service."""
from __future__ import annotations

from functools import lru_cache

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", env_prefix="NOTIFY_")

    clerk_webhook_secret: str = ""
    stripe_webhook_secret: str = Field(default="whsec_xxxxxxxxxxxxxxxxxxxxxxxx")
    github_app_secret: str = "ghapp-7c1e5b9d3a2f4680"  # expect: hardcoded-credential
    slack_signing_secret: str = Field(default="")
    typeform_secret: str = "<set-in-vault>"
    internal_api_key: SecretStr = SecretStr("")
    partner_base_url: str = "https://api.partner-hub.io"
    token_url: str = "https://auth.partner-hub.io/oauth2/token"
    sendgrid_api_key: str = "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"  # expect: hardcoded-credential
    http_timeout: float = 8.0


@lru_cache
def get_settings() -> Settings:
    return Settings()
