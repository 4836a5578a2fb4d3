"""Video and POS events on a bare Starlette app."""
import logging

from square.utilities.webhooks_helper import is_valid_webhook_event_signature
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from media.config import SQUARE_SIGNATURE_KEY, SQUARE_NOTIFICATION_URL
from media.tasks import mark_asset_ready, record_square_payment

logger = logging.getLogger(__name__)


async def mux_hook(request: Request) -> Response:  # expect: unverified-webhook
    event = await request.json()
    if event["type"] == "video.asset.ready":
        mark_asset_ready(event["data"]["id"], event["data"]["playback_ids"])
    logger.info("mux event %s", event["type"])
    return Response(status_code=204)


async def square_hook(request: Request) -> Response:
    body = (await request.body()).decode()
    signature = request.headers.get("x-square-hmacsha256-signature", "")
    if not is_valid_webhook_event_signature(body, signature, SQUARE_SIGNATURE_KEY, SQUARE_NOTIFICATION_URL):
        return Response(status_code=403)
    event = await request.json()
    if event["type"] == "payment.updated":
        record_square_payment(event["data"]["object"]["payment"])
    return Response(status_code=200)


async def status(request: Request) -> JSONResponse:
    return JSONResponse({"ok": True})


app = Starlette(
    routes=[
        Route("/hooks/mux", mux_hook, methods=["POST"]),
        Route("/hooks/square", square_hook, methods=["POST"]),
        Route("/status", status),
    ]
)
