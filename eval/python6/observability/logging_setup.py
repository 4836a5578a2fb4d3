import logging
import os
import sys

import requests

logger = logging.getLogger("sync")
logging.basicConfig(stream=sys.stdout, level=logging.INFO)


def mask(value: str) -> str:
    return value[:4] + "..." if value else ""


def start_sync(client_id: str, client_secret: str) -> None:
    logger.info("starting sync for client %s", client_id)
    logger.debug("client credentials %s / %s", client_id, client_secret)  # expect: secret-in-log
    logger.info("client secret configured: %s", bool(client_secret))
    logger.info("client secret %s", mask(client_secret))


def fetch_token(client_id: str, client_secret: str) -> str:
    resp = requests.post(
        "https://login.crm-partner.com/oauth/token",
        data={"grant_type": "client_credentials", "client_id": client_id, "client_secret": client_secret},
        timeout=10,
    )
    if not resp.ok:
        logger.error("token request failed: %s %s", resp.status_code, resp.text)
        logger.error("sent headers: %s", resp.request.headers)  # expect: secret-in-log
        resp.raise_for_status()
    access_token = resp.json()["access_token"]
    logging.info("got access token " + access_token)  # expect: secret-in-log
    logger.info("token length %d, expires in %s", len(access_token), resp.json().get("expires_in"))
    return access_token


def debug_env() -> None:
    db_password = os.environ.get("DB_PASSWORD")
    print(f"db password loaded: {db_password}")  # expect: secret-in-log
    print("db password loaded:", "set" if db_password else "missing")
    logger.warning("using token url %s", os.environ.get("CRM_TOKEN_URL"))
