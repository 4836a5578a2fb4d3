"""Django settings for the ledger project (production defaults, overridden by the environment)."""
import os
from pathlib import Path

import environ

env = environ.Env(DEBUG=(bool, False))
BASE_DIR = Path(__file__).resolve().parent.parent

SECRET_KEY = "django-insecure-7f#k2@v9x!m3q8w1z$e5r0t6y4u2i9o"  # expect: hardcoded-credential
DEBUG = env("DEBUG")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["ledger.fincore.app"])

DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": env("DB_NAME", default="ledger"),
        "USER": env("DB_USER", default="ledger"),
        "PASSWORD": "pS8#pFT6Skil#N",  # expect: hardcoded-credential
        "HOST": env("DB_HOST", default="db"),
        "PORT": 5432,
    },
    "reporting": {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": "reporting",
        "USER": "reporting_ro",
        "PASSWORD": os.environ.get("REPORTING_DB_PASSWORD", ""),
        "HOST": "reporting-replica",
    },
}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
PASSWORD_RESET_TIMEOUT = 3600

EMAIL_HOST = "smtp.postmarkapp.com"
EMAIL_HOST_USER = env("EMAIL_HOST_USER", default="")
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD")
DEFAULT_FROM_EMAIL = "Ledger <no-reply@fincore.app>"

AWS_ACCESS_KEY_ID = env("AWS_ACCESS_KEY_ID", default="AKIAIOSFODNN7EXAMPLE")
AWS_SECRET_ACCESS_KEY = env("AWS_SECRET_ACCESS_KEY", default="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")  # expect: hardcoded-credential
AWS_STORAGE_BUCKET_NAME = "fincore-ledger-uploads"

CELERY_BROKER_URL = env("CELERY_BROKER_URL", default="redis://:Rz9vK2mLq7Tb@cache-01.fincore.net:6379/0")  # expect: hardcoded-credential
CELERY_RESULT_BACKEND = "redis://localhost:6379/1"
RABBIT_URL = "amqp://guest:guest@rabbitmq:5672//"

STRIPE_PUBLISHABLE_KEY = "pk_live_51HqLyjWDarjtT1zdp7dcXXDyEXAMPLEkey"
STRIPE_SECRET_KEY = env("STRIPE_SECRET_KEY")
STRIPE_WEBHOOK_SECRET = env("STRIPE_WEBHOOK_SECRET", default="whsec_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx")

SOCIAL_AUTH_GITHUB_KEY = "Iv1.8a61f9b3a7aba766"
SOCIAL_AUTH_GITHUB_SECRET = "529b8430691cc5324ca89165999b4c60dd41e0aa"  # expect: hardcoded-credential

# Upstream services; the clients read these, this module makes no calls.
FX_RATES_URL = "http://fx.fincore-partners.com/api/v1"
LEGACY_GL_URL = "http://10.40.2.17:8080/gl"
SENTRY_DSN = env("SENTRY_DSN", default="")

SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = 31536000
