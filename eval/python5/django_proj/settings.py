"""Django settings for the marketplace project (django-environ)."""
from pathlib import Path

import environ

env = environ.Env(DEBUG=(bool, False))
BASE_DIR = Path(__file__).resolve().parent.parent
environ.Env.read_env(BASE_DIR / ".env")

DEBUG = env("DEBUG")
SECRET_KEY = env("DJANGO_SECRET_KEY", default="dj-7h2k9x0qm4r8tv1zw3")  # expect: hardcoded-credential
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["localhost"])

DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": env("DB_NAME", default="marketplace"),
        "USER": env("DB_USER", default="marketplace"),
        "PASSWORD": env("DB_PASSWORD", default=""),
        "HOST": env("DB_HOST", default="localhost"),
    },
    "analytics": {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": "analytics",
        "USER": "analyst",
        "PASSWORD": "an4lyt1cs-R3ad0nly",  # expect: hardcoded-credential
        "HOST": "analytics-db.prod.acme-corp.net",
    },
}

EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
EMAIL_HOST = "smtp.mailgun.org"
EMAIL_HOST_USER = "postmaster@mg.acme-corp.net"
EMAIL_HOST_PASSWORD = "mg-smtp-5c1d9e3f7a"  # expect: hardcoded-credential

AWS_ACCESS_KEY_ID = env("AWS_ACCESS_KEY_ID", default="AKIAIOSFODNN7EXAMPLE")
AWS_SECRET_ACCESS_KEY = env("AWS_SECRET_ACCESS_KEY", default=None)
AWS_STORAGE_BUCKET_NAME = "acme-marketplace-media"

CELERY_BROKER_URL = env("CELERY_BROKER_URL", default="redis://:localpass@redis.internal:6379/0")

PAYMENT_GATEWAY_URL = "http://gateway.legacy-payments.com/api"
STRIPE_SECRET_KEY = env("STRIPE_SECRET_KEY")
STRIPE_WEBHOOK_SECRET = env("STRIPE_WEBHOOK_SECRET")
PAYPAL_CLIENT_SECRET = env("PAYPAL_CLIENT_SECRET", default="YOUR_PAYPAL_CLIENT_SECRET")
SHOPIFY_API_SECRET = env("SHOPIFY_API_SECRET")
INTERNAL_API_KEY = env("INTERNAL_API_KEY")
HTTP_TIMEOUT = env.float("HTTP_TIMEOUT", default=10.0)

LOGGING = {
    "version": 1,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "INFO"},
}
