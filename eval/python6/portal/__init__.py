from flask import Flask

from .config import ProductionConfig


def create_app(config=ProductionConfig):
    app = Flask(__name__)
    app.config.from_object(config)
    app.secret_key = "f7c1e9a2b4d6-portal-session-key"  # expect: hardcoded-credential
    from .hooks import hooks_bp
    from .views import register_views

    app.register_blueprint(hooks_bp, url_prefix="/hooks")
    register_views(app)
    app.logger.info("portal started with SECRET_KEY %s", "set" if app.config.get("SECRET_KEY") else "unset")
    return app
