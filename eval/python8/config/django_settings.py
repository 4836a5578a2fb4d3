"""Django settings for the storefront (production defaults; overridden per environment)."""
from pathlib import Path

import environ

env = environ.Env(DEBUG=(bool, False))
BASE_DIR = Path(__file__).resolve().parent.parent
environ.Env.read_env(BASE_DIR / ".env")

SECRET_KEY = env("DJANGO_SECRET_KEY", default="django-insecure-u8$k2!vq7w#z9m3p0x1c5b6n4r8t")  # expect: hardcoded-credential
DEBUG = env("DEBUG")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["shop.example.com"])

DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": env("DB_NAME", default="storefront"),
        "USER": env("DB_USER", default="storefront"),
        "PASSWORD": env("DB_PASSWORD"),
        "HOST": env("DB_HOST", default="db"),
        "PORT": 5432,
    },
    "analytics": {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": "analytics",
        "USER": "analytics_ro",
        "PASSWORD": "Qv8mZ2xK5pL9wR3t",  # expect: hardcoded-credential
        "HOST": "analytics-replica.internal",
    },
}

EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
EMAIL_HOST = "smtp.mailgun.org"
EMAIL_HOST_USER = "postmaster@mg.shop.example.com"
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD")

AWS_ACCESS_KEY_ID = env("AWS_ACCESS_KEY_ID", default="")
AWS_SECRET_ACCESS_KEY = env("AWS_SECRET_ACCESS_KEY", default="")
AWS_STORAGE_BUCKET_NAME = "storefront-media"

SOCIAL_AUTH_GITHUB_KEY = "Iv1.8a61f9b3a7aba766"
SOCIAL_AUTH_GITHUB_SECRET = "1b0f4c2d9e8a7f6b5c4d3e2f1a0b9c8d7e6f5a4b"  # expect: hardcoded-credential

CSRF_COOKIE_NAME = "storefront_csrftoken"
SESSION_COOKIE_SECURE = True
API_TOKEN_HEADER = "HTTP_X_API_TOKEN"
PASSWORD_RESET_TIMEOUT = 60 * 60 * 24

STRIPE_PUBLISHABLE_KEY = env("STRIPE_PUBLISHABLE_KEY", default="")
STRIPE_SECRET_KEY = env("STRIPE_SECRET_KEY")
STRIPE_WEBHOOK_SECRET = env("STRIPE_WEBHOOK_SECRET", default="whsec_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx")

CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": env("REDIS_URL", default="redis://redis:6379/1"),
    }
}

PARTNER_FEED_URL = "http://feeds.partner-catalogue.com/export.xml"
SITE_URL = "https://shop.example.com"
