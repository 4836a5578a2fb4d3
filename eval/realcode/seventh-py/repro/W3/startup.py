# W3 (wrong): both operands from the application's own configuration, a start-up check. Contract 1.4
# timing-unsafe-comparison: "nor when both operands come from the application's own configuration or
# environment (a start-up consistency check)"; DEFAULT_SECRET_KEY is also a literal sentinel
# (Mayan-EDMS mayan/apps/common/management/base.py:68).
from django.conf import settings

DEFAULT_SECRET_KEY = 'secret-key-missing!'


def check():
    if settings.SECRET_KEY == DEFAULT_SECRET_KEY:
        raise RuntimeError('SECRET_KEY value not set.')
