"""Settings for the test run (pytest-django): fast hashing, in-memory mail, fake keys."""
from .base import *  # noqa: F401,F403

DEBUG = False
SECRET_KEY = "dummy"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": "app_test",
        "USER": "app",
        "PASSWORD": "app",
        "HOST": "localhost",
        "PORT": "5432",
    }
}

EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
CELERY_TASK_ALWAYS_EAGER = True
CELERY_TASK_EAGER_PROPAGATES = True

STRIPE_SECRET_KEY = "sk_test_xxxxxxxxxxxxxxxxxxxxxxxxxxxx"
STRIPE_WEBHOOK_SECRET = "whsec_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
RAZORPAY_KEY_SECRET = "test"
CLOUDFLARE_API_TOKEN = "TEST_CLOUDFLARE_TOKEN"
MEILI_HOST = "http://localhost:7700"
MEILI_MASTER_KEY = "xxxxxxxxxxxx"
LEGACY_PARTNER_KEY = "legacy-partner-key"
MOBILE_JWT_KEYS = {"test": "-----BEGIN PUBLIC KEY-----\nMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE\n-----END PUBLIC KEY-----"}
WEBHOOK_RETRY_DELAY = 0
HTTP_TIMEOUT = 1.0

CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
LOGGING = {"version": 1, "disable_existing_loggers": True}

REST_FRAMEWORK = {
    **REST_FRAMEWORK,  # noqa: F405
    "DEFAULT_THROTTLE_CLASSES": [],
    "DEFAULT_THROTTLE_RATES": {},
}

TEST_RUNNER = "django.test.runner.DiscoverRunner"
ALLOWED_HOSTS = ["testserver", "localhost"]
INTERNAL_IPS = ["127.0.0.1"]
MEDIA_ROOT = "/tmp/test-media"
STATIC_ROOT = "/tmp/test-static"
SECURE_SSL_REDIRECT = False
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
