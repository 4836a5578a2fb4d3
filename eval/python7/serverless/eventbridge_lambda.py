import json
import logging
import os

import requests

logger = logging.getLogger()
logger.setLevel(logging.INFO)

WEBHOOK_URL = os.environ["PARTNER_WEBHOOK_URL"]
PARTNER_API_KEY = os.environ.get("PARTNER_API_KEY", "pk_live_9f8e7d6c5b4a3f2e1d0c")  # expect: hardcoded-credential


def handler(event, context):
    detail = event["detail"]
    logger.info("forwarding %s", json.dumps(detail))
    r = requests.post(WEBHOOK_URL, json=detail, headers={"X-Api-Key": PARTNER_API_KEY})  # expect: missing-timeout
    logger.info("partner replied %s: %s", r.status_code, r.text)
    return {"status": r.status_code}


def scheduled(event, context):
    r = requests.get("https://partner.example-logistics.com/api/health", timeout=3)
    return r.json()  # expect: unchecked-response-status
