"""Application factory of the customer portal."""
import logging
import os

import redis
from flask import Flask
from flask_sqlalchemy import SQLAlchemy

db = SQLAlchemy()
log = logging.getLogger(__name__)


class BaseConfig:
    SQLALCHEMY_TRACK_MODIFICATIONS = False
    SESSION_COOKIE_SECURE = True
    REMEMBER_COOKIE_DURATION = 3600


class DevConfig(BaseConfig):
    SECRET_KEY = "dev"
    SQLALCHEMY_DATABASE_URI = "postgresql://portal:portal@localhost:5432/portal"


class ProdConfig(BaseConfig):
    SECRET_KEY = os.environ.get("PORTAL_SECRET_KEY")
    SQLALCHEMY_DATABASE_URI = os.environ.get("DATABASE_URL")
    MAIL_PASSWORD = "Hq8-portal-mailer-5Zt"  # expect: hardcoded-credential


class StagingConfig(ProdConfig):
    SQLALCHEMY_DATABASE_URI = "postgresql://portal:St4ging-Portal-DB@staging-db.acme-goods.com:5432/portal"  # expect: hardcoded-credential


def create_app(profile: str = "prod") -> Flask:
    app = Flask(__name__)
    app.config.from_object({"dev": DevConfig, "staging": StagingConfig}.get(profile, ProdConfig))
    if profile == "prod":
        app.secret_key = os.environ["PORTAL_SECRET_KEY"]
    else:
        app.secret_key = "p0rtal-staging-session-k3y"  # expect: hardcoded-credential
    db.init_app(app)
    app.extensions["redis"] = redis.Redis(
        host=os.environ.get("REDIS_HOST", "localhost"),
        password=os.environ.get("REDIS_PASSWORD"),
    )
    app.config["SENTRY_AUTH_TOKEN"] = os.environ.get("SENTRY_AUTH_TOKEN")
    app.config.update(
        OAUTH_CLIENT_ID="portal-web",
        OAUTH_CLIENT_SECRET="q9Zx-portal-oauth-Lm42",  # expect: hardcoded-credential
    )
    log.info("portal started with profile %s", profile)
    return app


def cache_client() -> redis.Redis:
    return redis.Redis(host="cache.acme-goods.com", port=6380, ssl=True, password="C4che-Portal-Redis")  # expect: hardcoded-credential
