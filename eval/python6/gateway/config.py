from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", env_prefix="GATEWAY_")

    catalog_url: str = "https://catalog.internal.example.net"
    http_timeout: float = 8.0
    exports_token: str = ""
    partner_api_key: str = "pk_9c2e7b1d4f6a8e0c3b5d"  # expect: hardcoded-credential
    github_webhook_secret: str
    jwt_issuer: str = "https://id.acme-accounts.com/"
    jwt_audience: str = "gateway"
    admin_password: str = "your-admin-password"
    token_url: str = "https://id.acme-accounts.com/oauth2/token"


settings = Settings()
