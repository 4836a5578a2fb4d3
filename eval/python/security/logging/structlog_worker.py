"""Account-linking worker with structlog, loguru and plain prints."""
import os
import sys

import requests
import structlog
from loguru import logger as loguru_logger

log = structlog.get_logger()

BANK_API = "https://api.openbanking-hub.com/v2"


def link_account(user_id: str, access_token: str, refresh_token: str) -> dict:
    log.info("linking account", user_id=user_id, access_token=access_token)  # expect: secret-in-log
    log.info("linking account", user_id=user_id, has_refresh=bool(refresh_token))
    resp = requests.post(
        f"{BANK_API}/links",
        headers={"Authorization": f"Bearer {access_token}"},
        json={"user": user_id},
        timeout=15,
    )
    if resp.status_code >= 400:
        log.error("link failed", status=resp.status_code, body=resp.text[:200])
        resp.raise_for_status()
    link = resp.json()
    log.info("linked", link_id=link["id"], token=refresh_token)  # expect: secret-in-log
    bound = log.bind(user_id=user_id)
    bound.debug("refresh scheduled", refresh_token_len=len(refresh_token))
    return link


def rotate_secret(app_id: str) -> str:
    resp = requests.post(f"{BANK_API}/apps/{app_id}/secret", timeout=15)
    resp.raise_for_status()
    client_secret = resp.json()["client_secret"]
    loguru_logger.success("rotated secret for {}", app_id)
    loguru_logger.debug("new client secret: {}", client_secret)  # expect: secret-in-log
    return client_secret


def main() -> None:
    api_key = os.environ.get("BANK_API_KEY")
    if not api_key:
        print("BANK_API_KEY is missing", file=sys.stderr)
        sys.exit(1)
    print(f"starting worker with key {api_key}")  # expect: secret-in-log
    print("starting worker, key configured:", api_key is not None)
    db_password = os.environ["WORKER_DB_PASSWORD"]
    print("connecting with", "password" if db_password else "no password")
    print("db password: %s" % db_password)  # expect: secret-in-log


if __name__ == "__main__":
    main()
