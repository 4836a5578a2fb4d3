from .base import *  # noqa: F401,F403
from .base import DATABASES, env

DEBUG = False
SECRET_KEY = env("DJANGO_SECRET_KEY")
DATABASES["default"]["PASSWORD"] = "Pr0d-Db-x83kfQ2mZ"  # expect: hardcoded-credential
DATABASES["default"]["HOST"] = "shop-prod.cluster-cq1.eu-west-1.rds.amazonaws.com"

AWS_ACCESS_KEY_ID = "AKIAZ7Q4R2T9W3XK5MLP"  # expect: hardcoded-credential
AWS_SECRET_ACCESS_KEY = "q9Zt1mH3vX8bR2nC5kL7pW4sD6fG0jY1uE3aI9oB"  # expect: hardcoded-credential
AWS_STORAGE_BUCKET_NAME = "shop-media-prod"
AWS_S3_REGION_NAME = "eu-west-1"

SENTRY_DSN = "https://3f4e5d6c7b8a@o123456.ingest.sentry.io/42"
SECURE_SSL_REDIRECT = True
SESSION_COOKIE_SECURE = True
