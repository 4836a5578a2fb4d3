"""Litestar service: partner catalogue proxy, with auth middleware and a Shopify webhook route."""
import base64
import hashlib
import hmac
import logging
import os

import httpx
from litestar import Litestar, Request, get, post
from litestar.exceptions import NotAuthorizedException
from litestar.middleware import AbstractAuthenticationMiddleware, AuthenticationResult

log = logging.getLogger(__name__)

SHOPIFY_SECRET = os.environ["SHOPIFY_WEBHOOK_SECRET"]
SERVICE_TOKEN = os.environ["CATALOGUE_SERVICE_TOKEN"]
catalogue = httpx.AsyncClient(base_url="https://catalogue.partner.example.com", timeout=10)


class ServiceTokenMiddleware(AbstractAuthenticationMiddleware):
    async def authenticate_request(self, connection) -> AuthenticationResult:
        presented_token = connection.headers.get("x-service-token", "")
        if not presented_token:
            raise NotAuthorizedException()
        if not hmac.compare_digest(presented_token, SERVICE_TOKEN):
            raise NotAuthorizedException()
        return AuthenticationResult(user="service", auth=None)


@get("/products/{sku:str}")
async def product(sku: str) -> dict:
    resp = await catalogue.get(f"/products/{sku}")
    resp.raise_for_status()
    return resp.json()


@get("/products/{sku:str}/stock")
async def stock(sku: str) -> dict:
    resp = await catalogue.get(f"/products/{sku}/stock")
    return {"sku": sku, "stock": resp.json()["available"]}  # expect: unchecked-response-status


@post("/shopify/hooks/products-update", exclude_from_auth=True)
async def shopify_products_update(request: Request) -> dict:
    raw = await request.body()
    received = request.headers.get("x-shopify-hmac-sha256", "")
    digest = base64.b64encode(hmac.new(SHOPIFY_SECRET.encode(), raw, hashlib.sha256).digest()).decode()
    if not hmac.compare_digest(digest, received):
        raise NotAuthorizedException()
    log.info("shopify product update %s", (await request.json()).get("id"))
    return {"ok": True}


@post("/shopify/hooks/orders-create", exclude_from_auth=True)
async def shopify_orders_create(request: Request) -> dict:
    received_hmac = request.headers.get("x-shopify-hmac-sha256", "")
    digest = base64.b64encode(hmac.new(SHOPIFY_SECRET.encode(), await request.body(), hashlib.sha256).digest()).decode()
    if digest != received_hmac:  # expect: timing-unsafe-comparison
        raise NotAuthorizedException()
    return {"ok": True}


app = Litestar(
    route_handlers=[product, stock, shopify_products_update, shopify_orders_create],
    middleware=[ServiceTokenMiddleware],
)
