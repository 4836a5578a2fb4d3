import os
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent

SECRET_KEY = "django-insecure-8w#k2@v!q7z%r5m1x^c9b3n6t0y4u" # expect: hardcoded-credential
DEBUG = os.environ.get("DJANGO_DEBUG", "0") == "1"
ALLOWED_HOSTS = os.environ.get("ALLOWED_HOSTS", "localhost").split(",")

DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": os.environ.get("DB_NAME", "shop"),
        "USER": os.environ.get("DB_USER", "shop"),
        "PASSWORD": os.environ["DB_PASSWORD"],
        "HOST": os.environ.get("DB_HOST", "localhost"),
        "PORT": "5432",
    }
}

CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": "redis://:Rd1s-cache-pw-77@cache.prod.acme-shop.com:6379/1", # expect: hardcoded-credential
    }
}

EMAIL_HOST = "smtp.mailgun.org"
EMAIL_HOST_USER = "postmaster@mg.acme-shop.com"
EMAIL_HOST_PASSWORD = os.environ.get("MAILGUN_SMTP_PASSWORD", "")

STRIPE_PUBLISHABLE_KEY = "pk_live_51HxQ2bGz8pR4tNvYc0aW1eLk"
STRIPE_SECRET_KEY = os.environ.get("STRIPE_SECRET_KEY", "sk_live_gDtW14FE5HKXQOFAeCa7DIGu4tLIvMMRW7yODbpMmG4J") # expect: hardcoded-credential
STRIPE_WEBHOOK_SECRET = os.environ.get("STRIPE_WEBHOOK_SECRET")

AWS_ACCESS_KEY_ID = os.environ.get("AWS_ACCESS_KEY_ID", "AKIAIOSFODNN7EXAMPLE")
AWS_STORAGE_BUCKET_NAME = "acme-shop-media"

SENTRY_DSN = os.environ.get("SENTRY_DSN", "")
PASSWORD_RESET_TIMEOUT = 60 * 60 * 24
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
]

SOCIAL_AUTH_GITHUB_KEY = "Iv1.8a61f9b3a7aba766"
SOCIAL_AUTH_GITHUB_SECRET = "test"
GITHUB_DEPLOY_TOKEN = "ghp_zVBz7pogVosjA7AHtZEt5oEcOIMxOcU2TjzM" # expect: hardcoded-credential
