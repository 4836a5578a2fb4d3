"""Django Ninja API of the partner portal."""
import hashlib
import hmac
import logging

import jwt
from django.conf import settings
from django.http import HttpRequest
from ninja import Header, NinjaAPI, Router, Schema
from ninja.security import APIKeyHeader, HttpBearer

from portal.models import Partner, PaddleEvent

logger = logging.getLogger(__name__)


class ServiceBearer(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str):
        if token == settings.SERVICE_API_TOKEN:  # expect: timing-unsafe-comparison
            return "service"
        return None


class PartnerKey(APIKeyHeader):
    param_name = "X-Partner-Key"

    def authenticate(self, request: HttpRequest, key: str):
        partner = Partner.objects.filter(active=True, key_prefix=key[:8]).first()
        if partner is not None and hmac.compare_digest(partner.api_key, key):
            return partner
        return None


api = NinjaAPI(auth=ServiceBearer(), title="Partner portal")
billing = Router(tags=["billing"])


class MeOut(Schema):
    sub: str
    scopes: list[str] = []


@api.get("/me", auth=None, response=MeOut)
def me(request: HttpRequest):
    auth_header = request.META.get("HTTP_AUTHORIZATION", "")
    token = auth_header.split(" ", 1)[1] if " " in auth_header else ""
    claims = jwt.decode(token, options={"verify_signature": False})  # expect: jwt-unverified
    return {"sub": claims["sub"], "scopes": claims.get("scope", "").split()}


@api.get("/session", auth=None)
def session_info(request: HttpRequest):
    token = request.COOKIES.get("portal_session", "")
    claims = jwt.decode(token, settings.JWT_PUBLIC_KEY, algorithms=["RS256"], audience="portal")
    return {"sub": claims["sub"], "exp": claims["exp"]}


def verify_paddle_signature(body: bytes, header: str) -> bool:
    parts = dict(item.split("=", 1) for item in header.split(";"))
    signed = f"{parts['ts']}:{body.decode()}".encode()
    digest = hmac.new(settings.PADDLE_WEBHOOK_SECRET.encode(), signed, hashlib.sha256).hexdigest()
    return hmac.compare_digest(digest, parts["h1"])


@billing.post("/webhooks/paddle", auth=None)
def paddle_webhook(request: HttpRequest, paddle_signature: str = Header(..., alias="Paddle-Signature")):
    if not verify_paddle_signature(request.body, paddle_signature):
        return api.create_response(request, {"detail": "bad signature"}, status=400)
    event = PaddleEvent.objects.create(payload=request.body.decode())
    logger.info("stored paddle event %s", event.pk)
    return {"ok": True}


@billing.get("/plans", auth=PartnerKey())
def plans(request: HttpRequest):
    return [{"code": "basic", "seats": 5}, {"code": "team", "seats": 25}]


api.add_router("/billing", billing)
