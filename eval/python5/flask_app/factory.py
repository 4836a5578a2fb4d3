"""Application factory."""
from __future__ import annotations

import os

from flask import Flask

from .config import CONFIGS


def create_app(env: str | None = None) -> Flask:
    env = env or os.getenv("FLASK_ENV", "production")
    app = Flask(__name__)
    app.config.from_object(CONFIGS[env])
    if env == "development":
        app.secret_key = "dev-4b1f9a7e2c6d8035"  # expect: hardcoded-credential
    elif env == "testing":
        app.secret_key = "test"
    else:
        app.secret_key = os.environ["FLASK_SECRET_KEY"]

    from .billing_webhooks import bp as billing_bp
    from .account import bp as account_bp

    app.register_blueprint(billing_bp)
    app.register_blueprint(account_bp)
    app.logger.info("starting with config %s, secret key set: %s", env, bool(app.secret_key))
    return app
