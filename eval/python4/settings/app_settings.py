"""Typed settings for the integrations service (pydantic-settings)."""
from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", env_prefix="INTEG_")

    database_url: str = "postgresql://integrations@db:5432/integrations"
    database_password: SecretStr = SecretStr("")
    redis_url: str = "redis://redis:6379/0"
    stripe_secret_key: SecretStr
    stripe_webhook_secret: SecretStr
    hubspot_private_app_token: str = "pat-eu1-7c2d4e9a-1b3f-4a6c-8d2e-5f7a9b1c3d4e"  # expect: hardcoded-credential
    sendgrid_api_key: str = ""
    token_url: str = "https://auth.partner-api.com/oauth2/token"
    partner_client_id: str = "integrations-prod"
    partner_client_secret: str = Field(..., min_length=32)
    http_timeout_seconds: float = 10.0
    secret_name: str = "prod/integrations/partner"
    jwt_signing_key: str = "your-signing-key"


class LocalSettings(Settings):
    stripe_webhook_secret: str = "whsec_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
    partner_client_secret: str = "local-dev-client-secret-9f2a7c"  # expect: hardcoded-credential
