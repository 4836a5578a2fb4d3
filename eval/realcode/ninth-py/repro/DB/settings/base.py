# DB: the default of a docker-compose deployment, overridden by the environment
# (baserow backend/src/baserow/config/settings/base.py:235).
import os

DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": os.getenv("DATABASE_NAME", "baserow"),
        "USER": os.getenv("DATABASE_USER", "baserow"),
        "PASSWORD": os.getenv("DATABASE_PASSWORD", "bas3r0w-dev"),
        "HOST": os.getenv("DATABASE_HOST", "db"),
    }
}
