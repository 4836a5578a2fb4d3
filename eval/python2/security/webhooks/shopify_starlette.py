"""Shopify app webhooks served by a small Starlette app."""
import base64
import hashlib
import hmac
import os

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from storefront.sync import remove_shop_data, update_product

SHOPIFY_SECRET = os.environ["SHOPIFY_WEBHOOK_SECRET"].encode()


async def products_update(request: Request) -> Response:
    body = await request.body()
    received = request.headers.get("x-shopify-hmac-sha256", "")
    computed = base64.b64encode(hmac.new(SHOPIFY_SECRET, body, hashlib.sha256).digest()).decode()
    if not hmac.compare_digest(computed, received):
        return Response(status_code=401)
    await update_product(await request.json())
    return JSONResponse({"ok": True})


async def app_uninstalled(request: Request) -> Response:  # expect: unverified-webhook
    payload = await request.json()
    await remove_shop_data(request.headers.get("x-shopify-shop-domain"), payload)
    return Response(status_code=200)


app = Starlette(
    routes=[
        Route("/webhooks/products/update", products_update, methods=["POST"]),
        Route("/webhooks/app/uninstalled", app_uninstalled, methods=["POST"]),
    ]
)
