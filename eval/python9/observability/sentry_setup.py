"""Sentry and Datadog set-up for the API service."""
import logging
import os
import time

import requests
import sentry_sdk
from sentry_sdk.integrations.django import DjangoIntegration
from sentry_sdk.integrations.logging import LoggingIntegration

logger = logging.getLogger(__name__)

SENSITIVE_HEADERS = {"authorization", "cookie", "x-api-key"}


def scrub(event, hint):
    request = event.get("request", {})
    headers = request.get("headers", {})
    for name in list(headers):
        if name.lower() in SENSITIVE_HEADERS:
            headers[name] = "[Filtered]"
    return event


sentry_sdk.init(
    dsn=os.environ.get("SENTRY_DSN", "https://3f2a9c8e1b7d4f60@o412873.ingest.sentry.io/5523190"),
    integrations=[DjangoIntegration(), LoggingIntegration(event_level=logging.ERROR)],
    traces_sample_rate=float(os.environ.get("SENTRY_TRACES_RATE", "0.05")),
    send_default_pii=False,
    before_send=scrub,
)

DD_API_KEY = "9c3e7a1f5b2d8e4c6a0f3b7d9e1c5a28"  # expect: hardcoded-credential
DD_SITE = os.environ.get("DD_SITE", "datadoghq.eu")
DD_LOGS_URL = "http://http-intake.logs.datadoghq.eu/api/v2/logs"  # expect: insecure-transport


def ship_log(message, **attrs):
    payload = [{"ddsource": "python", "service": "api", "message": message, **attrs}]
    resp = requests.post(DD_LOGS_URL, json=payload, headers={"DD-API-KEY": DD_API_KEY}, timeout=3)
    if resp.status_code >= 400:
        logger.warning("datadog intake refused logs: %s", resp.status_code)


def send_metric(name, value, tags=()):
    series = {"series": [{"metric": name, "points": [[int(time.time()), value]], "tags": list(tags)}]}
    resp = requests.post(
        f"https://api.{DD_SITE}/api/v1/series",
        json=series,
        headers={"DD-API-KEY": DD_API_KEY},
        timeout=3,
    )
    return resp.json()  # expect: unchecked-response-status


def report_startup():
    logger.info("observability ready (dd key %s)", DD_API_KEY)  # expect: secret-in-log
    logger.info("observability ready, dd key configured=%s", bool(DD_API_KEY))
