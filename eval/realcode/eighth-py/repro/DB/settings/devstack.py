# DB: development/test settings modules and config defaults (ecommerce settings/devstack.py:82,96,
# local.py, test.py, base.py:163; oncall settings/dev.py:22; readthedocs settings/docker_compose.py:174;
# fides config Field(default="defaultpassword")).
import os

SECRET_KEY = os.environ.get("ECOMMERCE_SECRET_KEY", "insecure-secret-key")
PAYMENT_PROCESSOR_CONFIG = {
    "edx": {
        "paypal": {
            "mode": "sandbox",
            "client_secret": "EHNgP4mXL5mI54DQI1-EgXo6y0BDUzj5x1",
        },
    },
}
CACHES = {"default": {"LOCATION": "redis://:redispassword@cache:6379"}}
