"""Django settings for the shop project (12-factor, values from the environment)."""
from pathlib import Path

import environ

env = environ.Env(DEBUG=(bool, False))
BASE_DIR = Path(__file__).resolve().parent.parent

SECRET_KEY = env("DJANGO_SECRET_KEY", default="django-insecure-9v#k2m$w7q!pz4r8t1x0b6n3c5")  # expect: hardcoded-credential
DEBUG = env("DEBUG")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["shop.example.com"])

DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": env("DB_NAME", default="shop"),
        "USER": env("DB_USER", default="shop"),
        "PASSWORD": env("DB_PASSWORD"),
        "HOST": env("DB_HOST", default="db"),
    },
    "reporting": {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": "reporting",
        "USER": "analyst",
        "PASSWORD": "R3p0rt!ng-ro-2026",  # expect: hardcoded-credential
        "HOST": "reporting-replica.example.com",
    },
}

EMAIL_HOST = "smtp.sendgrid.net"
EMAIL_HOST_USER = "apikey"
EMAIL_HOST_PASSWORD = env("SENDGRID_API_KEY", default="")
EMAIL_PORT = 587

AWS_ACCESS_KEY_ID = env("AWS_ACCESS_KEY_ID", default=None)
AWS_SECRET_ACCESS_KEY = env("AWS_SECRET_ACCESS_KEY", default=None)
AWS_STORAGE_BUCKET_NAME = "shop-media-prod"

STRIPE_SECRET_KEY = env("STRIPE_SECRET_KEY")
STRIPE_WEBHOOK_SECRET = env("STRIPE_WEBHOOK_SECRET")
PAYPAL_CLIENT_SECRET = env("PAYPAL_CLIENT_SECRET", default="EC8dPq1-zLr5Yt7uW0vX3sA9bN2mK4hJ6gF")  # expect: hardcoded-credential

ERP_BASE_URL = "http://erp.legacy-partner.com/api"
CRM_API_TOKEN = env("CRM_API_TOKEN")
CRM_BASE_URL = "https://api.crm-vendor.com/v3"
HTTP_TIMEOUT = 10

CELERY_BROKER_URL = "amqp://shop:Br0ker-Pa55-prod@rabbitmq.example.com:5672/shop"  # expect: hardcoded-credential
CELERY_RESULT_BACKEND = "redis://redis:6379/1"
