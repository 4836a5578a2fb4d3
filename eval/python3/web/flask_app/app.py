import logging
import os

from flask import Flask

from .blueprints.inbound_hooks import bp as inbound_bp
from .blueprints.reports import bp as reports_bp
from .extensions import db, migrate


def create_app(config_name: str = "production") -> Flask:
    app = Flask(__name__)
    app.config["SECRET_KEY"] = os.environ.get("SECRET_KEY", "dev")
    app.config.update(
        SQLALCHEMY_DATABASE_URI=os.environ.get(
            "DATABASE_URL",
            "postgresql://reports:Hq7zPw3nLx@db.prod.example.org:5432/reports",  # expect: hardcoded-credential
        ),
        REDIS_URL="redis://:devpass123@localhost:6379/0",
        MAIL_PASSWORD=os.environ.get("MAIL_PASSWORD"),
        ANALYTICS_URL=os.environ.get("ANALYTICS_URL", "https://analytics.example.com"),
    )
    if config_name == "legacy":
        app.secret_key = "f3b9c2e1d4a7b8c9e0f1a2b3c4d5e6f7"  # expect: hardcoded-credential
    db.init_app(app)
    migrate.init_app(app, db)
    app.register_blueprint(inbound_bp)
    app.register_blueprint(reports_bp)
    logging.basicConfig(level=logging.INFO)
    return app
