"""Production settings: everything secret comes from the environment or the secret store."""
import os

import boto3

from .base import *  # noqa: F401,F403
from .base import env

DEBUG = False
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["shop.example.com"])
SECURE_SSL_REDIRECT = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = 31536000


def _secret(name):
    client = boto3.client("secretsmanager", region_name=os.environ.get("AWS_REGION", "eu-west-1"))
    return client.get_secret_value(SecretId=f"shop/prod/{name}")["SecretString"]


SECRET_KEY = _secret("django-secret-key")
STRIPE_SECRET_KEY = _secret("stripe-secret-key")
STRIPE_WEBHOOK_SECRET = _secret("stripe-webhook-secret")

DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": "shop",
        "USER": "shop_app",
        "PASSWORD": env("DB_PASSWORD"),
        "HOST": "shop-prod.cluster-c8x2.eu-west-1.rds.amazonaws.com",
        "PORT": "5432",
        "CONN_MAX_AGE": 60,
    },
    "replica": {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": "shop",
        "USER": "shop_reporting",
        "PASSWORD": "Rp0rt!ng-2024-eu",  # expect: hardcoded-credential
        "HOST": "shop-replica.cluster-ro-c8x2.eu-west-1.rds.amazonaws.com",
        "PORT": "5432",
    },
}

EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD", default="mg-smtp-7Qw2Lp9Xz4")  # expect: hardcoded-credential
AWS_STORAGE_BUCKET_NAME = "shop-prod-media"
AWS_SECRET_ACCESS_KEY = env("AWS_SECRET_ACCESS_KEY")
AWS_S3_REGION_NAME = "eu-west-1"

CELERY_BROKER_URL = env("CELERY_BROKER_URL", default="amqp://shop:Bk7mQ2vR9xLp@rabbitmq.prod.internal:5672/shop")
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": "rediss://:Hc4nT8wQ2zLm6Vb1@cache.shop-prod.example.com:6380/0",  # expect: hardcoded-credential
    }
}

SENTRY_DSN = env("SENTRY_DSN", default="")
PARTNER_API_TIMEOUT = 8
HTTP_TIMEOUT = env.float("HTTP_TIMEOUT", default=8.0)
WEBHOOK_TIMEOUT = 5.0
WEBHOOK_MAX_ATTEMPTS = 10

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {"django.request": {"level": "ERROR"}},
}
