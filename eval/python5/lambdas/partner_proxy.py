"""API Gateway proxy Lambda that forwards to partner APIs with urllib3."""
from __future__ import annotations

import json
import logging
import os

import urllib3

logger = logging.getLogger()
http = urllib3.PoolManager(timeout=urllib3.Timeout(connect=2.0, read=10.0), retries=False)

PARTNER_BASE = os.environ.get("PARTNER_BASE", "https://api.partner-hub.io")
LEGACY_STATUS = "http://status.partner-hub.io/v1/summary"  # expect: insecure-transport
PRIVATE_SCORING = "http://10.40.2.17:8080/score"  # expect: insecure-transport
INTERNAL_CACHE = "http://cache.svc.cluster.local:8080"


def lambda_handler(event: dict, context) -> dict:
    path = event["pathParameters"]["proxy"]
    resp = http.request("GET", f"{PARTNER_BASE}/{path}", headers={"Accept": "application/json"})
    if resp.status >= 400:
        return {"statusCode": 502, "body": json.dumps({"error": resp.status})}
    return {"statusCode": 200, "body": resp.data.decode()}


def status_handler(event: dict, context) -> dict:
    resp = http.request("GET", LEGACY_STATUS)
    summary = json.loads(resp.data)  # expect: unchecked-response-status
    return {"statusCode": 200, "body": json.dumps(summary)}


def score_handler(event: dict, context) -> dict:
    body = json.loads(event["body"])
    resp = http.request("POST", PRIVATE_SCORING, body=json.dumps(body), headers={"Content-Type": "application/json"})
    if resp.status != 200:
        return {"statusCode": resp.status}
    cached = http.request("GET", f"{INTERNAL_CACHE}/scores/{body['id']}")
    if cached.status == 200:
        logger.info("cache hit for %s", body["id"])
    return {"statusCode": 200, "body": resp.json()}
