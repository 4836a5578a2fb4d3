"""Django settings for the analytics dashboard."""
import os
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "dj-7h2Kq9xLmP4vRt8ZcW3nB6yFs1Ja5Ue0") # expect: hardcoded-credential

DEBUG = os.environ.get("DEBUG", "false").lower() == "true"
ALLOWED_HOSTS = os.environ.get("ALLOWED_HOSTS", "localhost").split(",")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "rest_framework",
    "dashboard",
]

DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": os.environ.get("DB_NAME", "analytics"),
        "USER": os.environ.get("DB_USER", "analytics"),
        "PASSWORD": os.environ["DB_PASSWORD"],
        "HOST": os.environ.get("DB_HOST", "localhost"),
        "PORT": 5432,
    },
    "warehouse": {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": "warehouse",
        "USER": "bi_reader",
        "PASSWORD": os.environ.get("WAREHOUSE_PASSWORD", ""),
        "HOST": "warehouse.db.acme-corp.com",
    },
}

CELERY_BROKER_URL = "amqp://analytics:An4lyt1cs-Mq@rabbitmq.prod.acme-corp.com:5672//" # expect: hardcoded-credential
CELERY_RESULT_BACKEND = "redis://localhost:6379/1"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]

EMAIL_HOST = "smtp.mailrelay-pro.com"
EMAIL_HOST_USER = "apikey"
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")

MIXPANEL_TOKEN = "3f9a7c2e1b8d4f6a0c5e9b2d7a1f4c8e" # expect: hardcoded-credential
MIXPANEL_API_URL = "https://api.mixpanel.com"
GOOGLE_MAPS_API_KEY = "AIzaOqoXYa8RQF0gxt5a3N72GNW4ucgubmT7XKl" # expect: hardcoded-credential

SOCIAL_AUTH_GITHUB_KEY = os.environ.get("GITHUB_CLIENT_ID")
SOCIAL_AUTH_GITHUB_SECRET = os.environ.get("GITHUB_CLIENT_SECRET", "your-github-secret")

SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
TOKEN_EXPIRY_SECONDS = 3600
PASSWORD_RESET_TIMEOUT = 86400
