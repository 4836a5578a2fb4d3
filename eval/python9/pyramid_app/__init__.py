"""Pyramid application factory for the reseller portal."""
import os

from pyramid.config import Configurator
from pyramid.session import SignedCookieSessionFactory


def main(global_config, **settings):
    settings.setdefault("erp.timeout", "10")
    settings["reseller.key"] = os.environ["RESELLER_KEY"]
    settings.setdefault("session.secret", os.environ.get("SESSION_SECRET", "b1f0c7e94ad2"))  # expect: hardcoded-credential
    session_factory = SignedCookieSessionFactory(
        settings["session.secret"],
        timeout=3600,
        secure=True,
        httponly=True,
    )
    with Configurator(settings=settings, session_factory=session_factory) as config:
        config.include("pyramid_jinja2")
        config.add_route("stock", "/stock/{sku}")
        config.add_route("reserve", "/reserve")
        config.add_route("bulk_stock", "/stock/bulk")
        config.add_route("audit", "/audit")
        config.add_route("prices", "/prices")
        config.add_static_view("static", "static", cache_max_age=3600)
        config.scan(".views")
        app = config.make_wsgi_app()
    return app


def dev_settings():
    """Settings used by `pserve development.ini` when the .ini leaves them out."""
    return {
        "erp.timeout": "30",
        "erp.client_id": "reseller-portal-dev",
        "session.secret": os.environ.get("SESSION_SECRET", "changeme"),
        "reseller.key": os.environ.get("RESELLER_KEY", ""),
        "sqlalchemy.url": "postgresql://portal:portal@localhost/portal",
        "analytics.url": "postgresql://portal:Xr82kqpL@db.reseller-prod.example.net/analytics",  # expect: hardcoded-credential
    }
