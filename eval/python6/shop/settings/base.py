"""Settings shared by every environment of the shop project."""
import os
from pathlib import Path

import environ

env = environ.Env()
BASE_DIR = Path(__file__).resolve().parent.parent.parent

SECRET_KEY = env("DJANGO_SECRET_KEY", default="dj-9f2k3l4m5n6b7v8c1x0z")  # expect: hardcoded-credential
DEBUG = env.bool("DJANGO_DEBUG", default=False)
ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=["localhost"])

DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": env("POSTGRES_DB", default="shop"),
        "USER": env("POSTGRES_USER", default="shop"),
        "PASSWORD": env("POSTGRES_PASSWORD"),
        "HOST": env("POSTGRES_HOST", default="db"),
        "PORT": 5432,
    }
}

CELERY_BROKER_URL = env("CELERY_BROKER_URL", default="amqp://guest:guest@rabbitmq:5672//")
CACHE_URL = os.environ.get("CACHE_URL", "redis://:Rd5-c4che-Pw0rd@cache.shop-prod.net:6379/1")  # expect: hardcoded-credential

EMAIL_HOST = "smtp.sendgrid.net"
EMAIL_HOST_USER = "apikey"
EMAIL_HOST_PASSWORD = os.environ.get("SENDGRID_API_KEY", "")

STRIPE_SECRET_KEY = env("STRIPE_SECRET_KEY")
STRIPE_WEBHOOK_SECRET = env("STRIPE_WEBHOOK_SECRET")
PADDLE_SECRET = env("PADDLE_SECRET")
INTERNAL_TOKEN = env("INTERNAL_TOKEN")
PAYMENTS_TOKEN_URL = "https://auth.payments-partner.com/oauth/token"
CRM_URL = env("CRM_URL", default="https://crm.internal-tools.com/api")
HTTP_TIMEOUT = env.float("HTTP_TIMEOUT", default=10.0)
