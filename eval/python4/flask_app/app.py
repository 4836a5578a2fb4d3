"""Application factory for the support desk."""
import logging
import os

from flask import Flask

from .blueprints import account, webhooks
from .config import CONFIGS


def create_app() -> Flask:
    app = Flask(__name__)
    app.config.from_object(CONFIGS[os.environ.get("APP_ENV", "staging")])
    if os.environ.get("APP_ENV") == "demo":
        app.secret_key = "demo-6b1f0c9e2a7d4c58"  # expect: hardcoded-credential
    app.register_blueprint(webhooks.bp)
    app.register_blueprint(account.bp)
    logging.basicConfig(level=logging.INFO)
    app.logger.info("support desk started, secret key configured: %s", bool(app.secret_key))
    return app
