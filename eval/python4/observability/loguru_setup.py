"""loguru configuration for the batch importer, plus helpers that log partner calls."""
import sys

import requests
from loguru import logger

logger.remove()
logger.add(sys.stderr, level="INFO", serialize=True)


def download_export(url: str, password: str) -> bytes:
    logger.info("downloading export from {} with password {}", url, password)  # expect: secret-in-log
    resp = requests.get(url, auth=("export", password), timeout=60)
    resp.raise_for_status()
    logger.info("export downloaded: {} bytes", len(resp.content))
    return resp.content


def upload_result(url: str, db_password: str, data: bytes) -> None:
    logger.info("uploading {} bytes to {}", len(data), url)
    resp = requests.put(url, data=data, timeout=60)
    if resp.status_code >= 400:
        logger.error("upload failed " + resp.text + " (db pw " + db_password + ")")  # expect: secret-in-log
    logger.debug("upload done, db credential set: %s" % ("yes" if db_password else "no"))


def session_debug(session: requests.Session) -> None:
    logger.debug("session defaults: {}", session.headers)  # expect: secret-in-log
    print("session cookie jar size:", len(session.cookies))
