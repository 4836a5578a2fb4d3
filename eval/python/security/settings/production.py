"""Django settings for the storefront, production profile."""
import os
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent

DEBUG = False
ALLOWED_HOSTS = ["shop.acme-goods.com", "admin.acme-goods.com"]

SECRET_KEY = "django-insecure-7s#c9q!m2v@x4k&e8r^t1w$z0p5n3b6y"  # expect: hardcoded-credential

DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": "storefront",
        "USER": "storefront_app",
        "PASSWORD": "Wq7pZ2-storefront-db",  # expect: hardcoded-credential
        "HOST": os.environ.get("DB_HOST", "db.acme-goods.internal"),
        "PORT": "5432",
    },
    "reporting": {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": "reporting",
        "USER": os.environ.get("REPORTING_DB_USER", "reporting_ro"),
        "PASSWORD": os.environ["REPORTING_DB_PASSWORD"],
        "HOST": "reporting-db.acme-goods.internal",
    },
}

CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": "redis://:Rk4-cache-Pw9@cache.acme-goods.com:6379/1",  # expect: hardcoded-credential
    },
    "sessions": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": "redis://:devpass123@localhost:6379/2",
    },
}

CELERY_BROKER_URL = "amqp://guest:guest@rabbitmq:5672//"

EMAIL_HOST = "smtp.mailrelay.com"
EMAIL_HOST_USER = "apikey"
EMAIL_HOST_PASSWORD = "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"  # expect: hardcoded-credential
EMAIL_USE_TLS = True

AWS_ACCESS_KEY_ID = "AKIAO6OAYJQYIZQWPL0D"  # expect: hardcoded-credential
AWS_SECRET_ACCESS_KEY = "Tq3vS0hL9bPzR6mYx1cWk8nE4jF7gD2aUo5iHs0V"  # expect: hardcoded-credential
AWS_STORAGE_BUCKET_NAME = "acme-goods-media"
AWS_S3_REGION_NAME = "eu-central-1"

STRIPE_PUBLISHABLE_KEY = "pk_live_51NcxQ2Jt7yHbV3wZ9kLmA0pRsTu"
STRIPE_SECRET_KEY = os.environ["STRIPE_SECRET_KEY"]
STRIPE_WEBHOOK_SECRET = os.environ.get("STRIPE_WEBHOOK_SECRET", "")

SENTRY_DSN = os.environ.get("SENTRY_DSN")
OAUTH_TOKEN_URL = "https://login.acme-goods.com/oauth/token"
SOCIAL_AUTH_GOOGLE_OAUTH2_SECRET = os.environ.get("GOOGLE_OAUTH_SECRET", "yJ8c-Kq2dLz9Wm4Rf7Ta")  # expect: hardcoded-credential
SOCIAL_AUTH_GOOGLE_OAUTH2_KEY = "183920457712-3kq9v8m2b1c4n5x6z7a8s9d0f1g2h3j4.apps.googleusercontent.com"

PASSWORD_RESET_TIMEOUT = 3600
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
SESSION_COOKIE_SECURE = True
CSRF_TRUSTED_ORIGINS = ["https://shop.acme-goods.com"]

PARTNER_FEED_URL = "http://feeds.partner-catalog.com/daily.xml"
