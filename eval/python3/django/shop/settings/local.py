"""Developer settings: never imported in production."""
from .base import *  # noqa: F401,F403

DEBUG = True
SECRET_KEY = "django-insecure-8v$k2!qz7w@r4t^p0m#x9c&n3b6e1h5j"  # expect: hardcoded-credential
ALLOWED_HOSTS = ["*"]

DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": "shop",
        "USER": "shop",
        "PASSWORD": "shop",
        "HOST": "localhost",
    }
}

STRIPE_SECRET_KEY = "sk_test_xxxxxxxxxxxxxxxxxxxxxxxxxxxx"
STRIPE_WEBHOOK_SECRET = "<whsec from stripe listen>"
GITHUB_TOKEN = "YOUR_GITHUB_TOKEN"
SENTRY_AUTH_TOKEN = "<sentry token>"
CELERY_BROKER_URL = "amqp://guest:guest@localhost:5672//"
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
