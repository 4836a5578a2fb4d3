"""Config classes selected by FLASK_ENV."""
import os


class BaseConfig:
    SECRET_KEY = os.environ["FLASK_SECRET_KEY"]
    SQLALCHEMY_DATABASE_URI = os.getenv(
        "DATABASE_URL", "postgresql://app:app@localhost:5432/app"
    )
    STRIPE_WEBHOOK_SECRET = os.getenv("STRIPE_WEBHOOK_SECRET")
    MAIL_USERNAME = os.getenv("MAIL_USERNAME", "noreply@acme.io")
    MAIL_PASSWORD = os.getenv("MAIL_PASSWORD", "Tr0ub4dor-mail-88")  # expect: hardcoded-credential
    TOKEN_URL = "https://auth.partner-hub.io/oauth/token"
    HTTP_TIMEOUT = 10


class DevelopmentConfig(BaseConfig):
    DEBUG = True
    PARTNER_API_KEY = "your-partner-api-key"
    REDIS_PASSWORD = ""
    LEMON_SIGNING_SECRET = "changeme"


class StagingConfig(BaseConfig):
    LEMON_SIGNING_SECRET = "lmn-9f8e7d6c5b4a3921"  # expect: hardcoded-credential
    SENTRY_DSN = os.getenv("SENTRY_DSN")


class ProductionConfig(BaseConfig):
    SESSION_COOKIE_SECURE = True
    ADMIN_PASSWORD_HASH = os.environ.get("ADMIN_PASSWORD_HASH")
    CHARGEBEE_SECRET = os.environ["CHARGEBEE_SECRET"]
    BROKER_URL = "amqp://worker:Qz7vRm2pLw@rabbit.prod.acme-corp.net:5672//"  # expect: hardcoded-credential


CONFIGS = {
    "development": DevelopmentConfig,
    "staging": StagingConfig,
    "production": ProductionConfig,
}
