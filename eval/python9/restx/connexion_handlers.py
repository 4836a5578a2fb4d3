"""Connexion operation handlers (operationId targets in openapi/loyalty.yaml)."""
import logging
import time

import requests
from connexion import request

log = logging.getLogger("loyalty")

POINTS_API = "http://points.loyalty-partner.net/api/v1"  # expect: insecure-transport
LOCAL_CACHE = "http://localhost:8089/cache"
session = requests.Session()
session.headers.update({"Accept": "application/json"})


def get_balance(member_id):
    resp = session.get(f"{POINTS_API}/members/{member_id}/balance", timeout=5)
    resp.raise_for_status()
    return resp.json(), 200


def post_accrual(body):
    for attempt in range(4):  # expect: retry-without-backoff
        try:
            resp = session.post(f"{POINTS_API}/accruals", json=body, timeout=5)  # expect: missing-idempotency-key
            resp.raise_for_status()
            return resp.json(), 201
        except requests.RequestException:
            log.warning("accrual attempt %d failed", attempt)
            time.sleep(2)
    return {"error": "points service unavailable"}, 503


def post_redemption(body):
    key = request.headers.get("Idempotency-Key") or body["redemption_id"]
    for attempt in range(4):
        try:
            resp = session.post(
                f"{POINTS_API}/redemptions",
                json=body,
                headers={"Idempotency-Key": key},
                timeout=5,
            )
            resp.raise_for_status()
            return resp.json(), 201
        except requests.RequestException:
            time.sleep(0.5 * 2 ** attempt)
    return {"error": "points service unavailable"}, 503


def warm_cache():
    resp = session.get(LOCAL_CACHE)  # expect: missing-timeout
    return {"warmed": resp.ok}, 200
