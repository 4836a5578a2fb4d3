"""Production settings for the shop project."""
import os

from .base import *  # noqa: F401,F403

DEBUG = False
SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]
ALLOWED_HOSTS = ["shop.example.com", "www.shop.example.com"]

DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": "shop",
        "USER": "shop_app",
        "PASSWORD": "Vq8#mZt2pL9wXe4r",  # expect: hardcoded-credential
        "HOST": "db.internal",
        "PORT": "5432",
        "CONN_MAX_AGE": 60,
    },
    "analytics": {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": "analytics",
        "USER": "analytics_ro",
        "PASSWORD": os.environ.get("ANALYTICS_DB_PASSWORD", ""),
        "HOST": "analytics-db.internal",
    },
}

EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
EMAIL_HOST = "smtp.sendgrid.net"
EMAIL_HOST_USER = "apikey"
EMAIL_HOST_PASSWORD = os.environ.get("SENDGRID_API_KEY")
EMAIL_USE_TLS = True

AWS_ACCESS_KEY_ID = os.environ.get("AWS_ACCESS_KEY_ID")
AWS_SECRET_ACCESS_KEY = os.getenv("AWS_SECRET_ACCESS_KEY", "kq9Rw2ZbTn4Lm8Vx1Yc6Hs3Jd5Fg7Ap0Qe2Ws4E")  # expect: hardcoded-credential
AWS_STORAGE_BUCKET_NAME = "shop-media-prod"

STRIPE_SECRET_KEY = os.environ["STRIPE_SECRET_KEY"]
STRIPE_WEBHOOK_SECRET = os.environ["STRIPE_WEBHOOK_SECRET"]

CELERY_BROKER_URL = "amqp://shop:shop@rabbitmq:5672//"
CACHES = {
    "default": {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": "redis://:Rk3vN8qPz2Lw@cache.prod.example.net:6379/1",  # expect: hardcoded-credential
    }
}

PAYMENT_API_URL = "http://payments.partner-bank.com/api"
HTTP_TIMEOUT = 10
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
