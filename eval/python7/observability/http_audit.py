import logging

import requests

logger = logging.getLogger("http.audit")

session = requests.Session()
session.headers.update({"Authorization": "Bearer tk_9d8c7b6a5f4e3d2c1b0a"})  # expect: hardcoded-credential


def audited_get(url, **kwargs):
    logger.info("GET %s headers=%s", url, session.headers)  # expect: secret-in-log
    resp = session.get(url, timeout=10, **kwargs)
    logger.info("-> %s", resp.status_code)
    return resp


def audited_post(url, payload):
    resp = session.post(url, json=payload)  # expect: missing-timeout
    if resp.status_code >= 400:
        logger.warning("POST %s failed: %s", url, resp.text)
    return resp


def mask(value):
    return value[:4] + "…" if value else ""


def describe(api_secret):
    logger.info("secret %s", mask(api_secret))
