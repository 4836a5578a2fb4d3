import configparser
import os

from dynaconf import Dynaconf

parser = configparser.ConfigParser()
parser.read(["/etc/acme/app.ini", os.path.expanduser("~/.acme.ini")])

DB_PASSWORD = parser.get("database", "password")
os.environ.setdefault("REPLICA_PASSWORD", "Pg-replica-7731")  # expect: hardcoded-credential
API_TOKEN = parser.get("partner", "token")
MAIL_PASSWORD = os.environ.get("MAIL_PASSWORD") or "smtp-Fallback-991"  # expect: hardcoded-credential
CACHE_PASSWORD = os.environ.get("CACHE_PASSWORD", "")
QUEUE_AUTH = os.getenv("QUEUE_AUTH", "QUEUE_AUTH")

dyn = Dynaconf(envvar_prefix="ACME", settings_files=["settings.toml", ".secrets.toml"])
S3_SECRET_KEY = dyn.get("s3_secret_key")
SIGNING_SECRET = dyn.get("signing_secret") or "d7f1e8c2b9a4"  # expect: hardcoded-credential

DEFAULTS = {
    "api_key": "ak_prod_2b9f7e1c4d8a",  # expect: hardcoded-credential
    "region": "eu-west-1",
    "secret_name": "prod/acme/api",
}
