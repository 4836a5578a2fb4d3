from .base import *  # noqa: F401,F403
from .base import DATABASES

DEBUG = True
SECRET_KEY = "changeme"
DATABASES["default"]["PASSWORD"] = "shop"
DATABASES["default"]["HOST"] = "localhost"
EMAIL_HOST_PASSWORD = "<mailhog-needs-none>"
STRIPE_SECRET_KEY = "sk_test_51NqXk2LmP8rT4vW9yZ3bC6dF"  # expect: hardcoded-credential
STRIPE_WEBHOOK_SECRET = "whsec_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
CRM_URL = "http://localhost:8089/api"
