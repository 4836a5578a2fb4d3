import hashlib
import hmac
import json
import os

from standardwebhooks import Webhook
from starlette.applications import Starlette
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from .inbox import store_event

RESEND_SECRET = os.environ["RESEND_WEBHOOK_SECRET"]
SQUARE_KEY = os.environ["SQUARE_SIGNATURE_KEY"]


async def resend_event(request):
    body = await request.body()
    event = Webhook(RESEND_SECRET).verify(body, dict(request.headers))
    await store_event("resend", event)
    return Response(status_code=204)


async def square_event(request):
    body = await request.body()
    mac = hmac.new(SQUARE_KEY.encode(), str(request.url).encode() + body, hashlib.sha256).hexdigest()
    if not hmac.compare_digest(mac, request.headers.get("x-square-hmacsha256-signature", "")):
        return Response(status_code=401)
    await store_event("square", json.loads(body))
    return Response(status_code=200)


async def mux_event(request):  # expect: unverified-webhook
    event = await request.json()
    await store_event("mux", event)
    return Response(status_code=200)


async def health(request):
    return JSONResponse({"ok": True})


routes = [
    Route("/webhooks/resend", resend_event, methods=["POST"]),
    Route("/webhooks/square", square_event, methods=["POST"]),
    Route("/webhooks/mux", mux_event, methods=["POST"]),
    Route("/health", health),
]
app = Starlette(routes=routes)
