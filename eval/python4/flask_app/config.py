"""Flask configuration classes, selected by APP_ENV."""
import os


class Config:
    SECRET_KEY = os.environ.get("FLASK_SECRET_KEY")
    SQLALCHEMY_DATABASE_URI = os.environ.get("DATABASE_URL")
    SESSION_COOKIE_SECURE = True
    OAUTH_TOKEN_URL = "https://login.example.com/oauth2/token"
    MAIL_PASSWORD = os.environ.get("MAIL_PASSWORD", "")


class StagingConfig(Config):
    SECRET_KEY = "f3c9a1d27be84e0c9d5b6a7e8f901234"  # expect: hardcoded-credential
    SQLALCHEMY_DATABASE_URI = "postgresql://support:Wint3rIsC0ming@db.staging.example.com:5432/support"  # expect: hardcoded-credential
    MAIL_PASSWORD = os.environ.get("MAIL_PASSWORD", "Stg-mail-2026!")  # expect: hardcoded-credential


class TestingConfig(Config):
    TESTING = True
    SECRET_KEY = "test"
    SQLALCHEMY_DATABASE_URI = "postgresql://support:support@localhost:5432/support_test"
    MAIL_PASSWORD = "changeme"


class LocalConfig(Config):
    SQLALCHEMY_DATABASE_URI = "postgresql://support:devpass123@localhost/support"
    WTF_CSRF_SECRET_KEY = "<set-me>"


CONFIGS = {"staging": StagingConfig, "testing": TestingConfig, "local": LocalConfig}
