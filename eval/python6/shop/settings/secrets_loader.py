"""Reads settings from the environment (python-decouple) with safe defaults."""
from decouple import Csv, config

REDIS_URL = config("REDIS_URL", default="redis://localhost:6379/0")
BROKER_PASSWORD = config("BROKER_PASSWORD", default="Brk-9x7Q-v2Lm")  # expect: hardcoded-credential
SEARCH_API_KEY = config("SEARCH_API_KEY", default="")
OAUTH_CLIENT_SECRET = config("OAUTH_CLIENT_SECRET", default="<from-vault>")
ALLOWED_ORIGINS = config("ALLOWED_ORIGINS", cast=Csv(), default="https://shop.example.com")
SIGNING_KEY = config("SIGNING_KEY", default="SIGNING_KEY")
ANALYTICS_WRITE_KEY = config("ANALYTICS_WRITE_KEY", default="aw_9Hq2ZtXk8Lm4Vb7R")
GITHUB_TOKEN = config("GITHUB_TOKEN", default="ghp_Zq8Rt2Lm9Vx4Kb7Nc1Wp5Ys3Hf6Jd0Ga2Eu4")  # expect: hardcoded-credential


def connect_ldap(host: str, bind_dn: str = "cn=svc,dc=shop", password: str = "Ld4p-svc-Pw-2291") -> None:  # expect: hardcoded-credential
    raise NotImplementedError
