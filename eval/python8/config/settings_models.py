"""Typed settings of the payments service (pydantic v2 models)."""
from pydantic import BaseModel, Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict


class StripeSettings(BaseModel):
    publishable_key: str = "pk_live_51Nq8XkLmW2vQ0a9sRt7YcUe3HbJf6DgK"
    secret_key: str = "sk_live_Pq7Wm2Xc9Lk4Tz8Vb3Nr6Hy1Ds5Fg0Ja"  # expect: hardcoded-credential
    webhook_secret: SecretStr = SecretStr("whsec_mXkthaYWyv1kKB5oiAKCAAfLesTgcfQg")  # expect: hardcoded-credential
    api_version: str = "2024-06-20"


class SmtpSettings(BaseModel):
    host: str = "smtp.postmarkapp.com"
    port: int = 587
    username: str = Field(default="", description="Postmark server token")
    password: SecretStr = SecretStr("changeme")
    token_url: str = "https://api.postmarkapp.com/server"


class VaultSettings(BaseModel):
    address: str = "https://vault.internal:8200"
    role_id: str = "payments-service"
    secret_name: str = "kv/payments/prod"
    token_ttl: int = 3600
    auth_method: str = "approle"


class PartnerSettings(BaseModel):
    base_url: str = "https://api.partner.example.com"
    api_key: str = Field(default="pk-9f8e7d6c5b4a3f2e1d0c9b8a", alias="PARTNER_API_KEY")  # expect: hardcoded-credential
    client_secret: SecretStr = Field(default=SecretStr("<set-in-vault>"))


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="PAYMENTS_", env_nested_delimiter="__", env_file=".env")

    environment: str = "development"
    database_url: str = "postgresql://payments:payments@localhost:5432/payments"
    redis_url: str = "redis://:Rk7pQ2vLm9xW@cache.payments.example.net:6379/0"  # expect: hardcoded-credential
    stripe: StripeSettings = StripeSettings()
    smtp: SmtpSettings = SmtpSettings()
    vault: VaultSettings = VaultSettings()
    partner: PartnerSettings = PartnerSettings()
    jwt_signing_key: SecretStr | None = None
    session_secret: str = "your-session-secret-here"


settings = Settings()
