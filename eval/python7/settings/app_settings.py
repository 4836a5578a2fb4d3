from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", env_prefix="APP_")

    database_url: str = "postgresql://app:app@localhost:5432/app"
    redis_url: str = "redis://localhost:6379/0"
    stripe_secret_key: SecretStr = SecretStr("sk_live_51HxYzAbCdEfGhIjKlMnOpQrStUv")  # expect: hardcoded-credential
    sentry_dsn: str = ""
    smtp_password: str = "m4il-Rel4y-2024!"  # expect: hardcoded-credential
    webhook_secret: str = Field(default="changeme")
    partner_api_key: str = "your-partner-api-key"
    token_url: str = "https://login.example-idp.com/oauth2/token"
    analytics_url: str = "postgresql://report:Rp7-analytics-pw@db.example-cloud.net:5432/analytics"  # expect: hardcoded-credential
    http_timeout: float = 10.0


settings = Settings()
