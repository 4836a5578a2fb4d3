"""Shared Django settings; environment-specific modules import * from here."""
from pathlib import Path

import environ

BASE_DIR = Path(__file__).resolve().parent.parent.parent
env = environ.Env(DEBUG=(bool, False))
environ.Env.read_env(BASE_DIR / ".env")

SECRET_KEY = env("DJANGO_SECRET_KEY")
DEBUG = env("DEBUG")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["localhost"])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "rest_framework",
    "wagtail",
    "orders",
    "partners",
    "tenants",
]

DATABASES = {"default": env.db("DATABASE_URL", default="postgres://app:app@localhost:5432/app")}

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "drf.authentication.PartnerKeyAuthentication",
        "drf.authentication.MobileBearerAuthentication",
    ],
    "DEFAULT_THROTTLE_CLASSES": ["drf.throttling.PartnerRateThrottle"],
    "DEFAULT_THROTTLE_RATES": {"partner": "600/min", "burst": "60/sec"},
}

HTTP_TIMEOUT = env.float("HTTP_TIMEOUT", default=10.0)
WEBHOOK_TIMEOUT = env.float("WEBHOOK_TIMEOUT", default=5.0)
WEBHOOK_MAX_ATTEMPTS = env.int("WEBHOOK_MAX_ATTEMPTS", default=8)
WEBHOOK_RETRY_DELAY = 3

STRIPE_SECRET_KEY = env("STRIPE_SECRET_KEY")
STRIPE_WEBHOOK_SECRET = env("STRIPE_WEBHOOK_SECRET", default="whsec_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx")
RAZORPAY_KEY_ID = env("RAZORPAY_KEY_ID", default="")
RAZORPAY_KEY_SECRET = env("RAZORPAY_KEY_SECRET", default="")
RAZORPAY_WEBHOOK_SECRET = env("RAZORPAY_WEBHOOK_SECRET", default="")
CLOUDFLARE_ZONE_ID = env("CLOUDFLARE_ZONE_ID", default="")
CLOUDFLARE_API_TOKEN = env("CLOUDFLARE_API_TOKEN", default="<cloudflare-token>")
MEILI_HOST = env("MEILI_HOST", default="http://localhost:7700")
MEILI_MASTER_KEY = env("MEILI_MASTER_KEY", default="your-master-key")
NEWSROOM_SLACK_WEBHOOK_URL = env("NEWSROOM_SLACK_WEBHOOK_URL", default="")
LEGACY_PARTNER_KEY = env("LEGACY_PARTNER_KEY", default="")
MOBILE_JWT_KEYS = {}

EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
EMAIL_HOST = env("EMAIL_HOST", default="smtp.eu.mailgun.org")
EMAIL_HOST_USER = env("EMAIL_HOST_USER", default="postmaster@mg.example-shop.com")
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD", default="")
EMAIL_USE_TLS = True

LOGGING = {
    "version": 1,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "INFO"},
}
