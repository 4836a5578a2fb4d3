"""Environment loading for the support-desk integrations (python-decouple)."""
import getpass
import os

from decouple import Csv, config

from desk.secrets import secret_manager

DEBUG = config("DEBUG", default=False, cast=bool)
ALLOWED_ORIGINS = config("ALLOWED_ORIGINS", default="https://desk.example.com", cast=Csv())

ZENDESK_SUBDOMAIN = config("ZENDESK_SUBDOMAIN", default="acme")
ZENDESK_EMAIL = config("ZENDESK_EMAIL", default="support-bot@acme.example.com")
ZENDESK_API_TOKEN = config("ZENDESK_API_TOKEN", default="J8xQ2mZ7pL4vK9wR1tY6uN3s")  # expect: hardcoded-credential

INTERCOM_ACCESS_TOKEN = config("INTERCOM_ACCESS_TOKEN")
FRESHDESK_API_KEY = secret_manager.get("freshdesk/api-key")
HELPSCOUT_APP_SECRET = os.getenv("HELPSCOUT_APP_SECRET")

os.environ.setdefault("JIRA_API_TOKEN", "ATATT3xFfGF0b7Q9kL2mZ8pV4wR6tY1uN5sD3cH")  # expect: hardcoded-credential
os.environ.setdefault("JIRA_BASE_URL", "https://acme.atlassian.net")

WEBHOOK_SECRET = os.getenv("DESK_WEBHOOK_SECRET") or "whk-fallback-7d3c9e1a"  # expect: hardcoded-credential
LEGACY_WEBHOOK_SECRET = os.getenv("LEGACY_WEBHOOK_SECRET") or ""

TOKEN_URL = config("TOKEN_URL", default="https://login.acme.example.com/oauth/token")
OAUTH_CLIENT_ID = config("OAUTH_CLIENT_ID", default="desk-integrations")
OAUTH_CLIENT_SECRET = config("OAUTH_CLIENT_SECRET", default="YOUR_CLIENT_SECRET")
SESSION_TOKEN_TTL = config("SESSION_TOKEN_TTL", default=900, cast=int)
MAX_TOKENS = config("MAX_TOKENS", default="4096")


def admin_password() -> str:
    return os.environ.get("DESK_ADMIN_PASSWORD") or getpass.getpass("desk admin password: ")


def basic_auth_pair() -> tuple[str, str]:
    return (f"{ZENDESK_EMAIL}/token", ZENDESK_API_TOKEN)
