"""Pub/Sub push endpoint and a Cloud Function for order events.

Push subscriptions deliver over HTTPS with an OIDC token signed by Google.
"""
import base64
import json
import logging

import functions_framework
import requests
from fastapi import FastAPI, HTTPException, Request, Response
from google.auth.transport import requests as google_requests
from google.oauth2 import id_token

from events.settings import PUSH_AUDIENCE, PUSH_SERVICE_ACCOUNT, WAREHOUSE_URL
from events.store import record_order_event

logger = logging.getLogger(__name__)
app = FastAPI()
_google_request = google_requests.Request()


def _verify_push_token(request: Request) -> dict:
    header = request.headers.get("authorization", "")
    if not header.startswith("Bearer "):
        raise HTTPException(status_code=401)
    claims = id_token.verify_oauth2_token(header[7:], _google_request, audience=PUSH_AUDIENCE)
    if claims.get("email") != PUSH_SERVICE_ACCOUNT:
        raise HTTPException(status_code=403)
    return claims


@app.post("/pubsub/push/orders")
async def orders_push(request: Request) -> Response:
    _verify_push_token(request)
    envelope = await request.json()
    message = envelope["message"]
    try:
        event = json.loads(base64.b64decode(message["data"]))
        record_order_event(event, message_id=message["messageId"])
    except (KeyError, ValueError):
        logger.warning("dropping malformed push message %s", message.get("messageId"))
    return Response(status_code=204)


@app.post("/pubsub/push/debug")
async def debug_push(request: Request) -> Response:
    logger.info("debug push received, headers=%s", dict(request.headers))  # expect: secret-in-log
    return Response(status_code=204)


@functions_framework.cloud_event
def on_order_created(cloud_event) -> None:
    payload = json.loads(base64.b64decode(cloud_event.data["message"]["data"]))
    resp = requests.post(f"{WAREHOUSE_URL}/reservations", json={"order": payload["id"]}, timeout=10)
    if resp.status_code >= 400:
        logger.error("warehouse refused %s: %s", payload["id"], resp.status_code)
        return
    logger.info("reserved stock for %s", payload["id"])


@functions_framework.http
def export_orders(request):
    since = request.args.get("since", "")
    resp = requests.get(f"{WAREHOUSE_URL}/orders", params={"since": since})  # expect: missing-timeout
    resp.raise_for_status()
    return resp.json(), 200
