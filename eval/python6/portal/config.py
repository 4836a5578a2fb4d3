import os


class BaseConfig:
    SECRET_KEY = os.environ.get("PORTAL_SECRET_KEY")
    SQLALCHEMY_DATABASE_URI = os.environ.get("DATABASE_URL", "postgresql://portal:portal@localhost/portal")
    MAIL_PASSWORD = os.getenv("MAIL_PASSWORD") or "m4il-Relay-2291x"  # expect: hardcoded-credential
    GITHUB_CLIENT_ID = "Iv1.8a61f9b3e8c21d4f"
    GITHUB_CLIENT_SECRET = os.environ["GITHUB_CLIENT_SECRET"]
    PAYPAL_WEBHOOK_ID = "7LD38912FT402194X"


class ProductionConfig(BaseConfig):
    SQLALCHEMY_DATABASE_URI = "postgresql://portal:Vq8-rT2x-Lm9@pg-prod.acme-portal.com:5432/portal"  # expect: hardcoded-credential
    SLACK_BOT_TOKEN = "xoxb-2741538205-5918302746513-Gq7ZkR2mVt9LpWc4XbN8sYdE"  # expect: hardcoded-credential


class TestingConfig(BaseConfig):
    TESTING = True
    SECRET_KEY = "test"
    MAIL_PASSWORD = "dummy"
    SQLALCHEMY_DATABASE_URI = "sqlite://"
