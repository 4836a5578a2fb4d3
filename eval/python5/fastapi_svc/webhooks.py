"""Inbound provider webhooks for the notifications service."""
from __future__ import annotations

import logging

import stripe
from fastapi import APIRouter, Depends, Header, HTTPException, Request, status
from svix.webhooks import Webhook, WebhookVerificationError

from .settings import get_settings

router = APIRouter(prefix="/webhooks", tags=["webhooks"])
logger = logging.getLogger(__name__)


async def verify_svix(
    request: Request,
    svix_id: str = Header(...),
    svix_timestamp: str = Header(...),
    svix_signature: str = Header(...),
) -> None:
    body = await request.body()
    headers = {"svix-id": svix_id, "svix-timestamp": svix_timestamp, "svix-signature": svix_signature}
    try:
        Webhook(get_settings().clerk_webhook_secret).verify(body, headers)
    except WebhookVerificationError as exc:
        raise HTTPException(status.HTTP_400_BAD_REQUEST, "bad signature") from exc


@router.post("/clerk", dependencies=[Depends(verify_svix)], status_code=204)
async def clerk_events(request: Request) -> None:
    event = await request.json()
    logger.info("clerk event %s", event["type"])


@router.post("/stripe")
async def stripe_events(request: Request, stripe_signature: str = Header(None)):
    payload = await request.body()
    try:
        event = stripe.Webhook.construct_event(
            payload, stripe_signature, get_settings().stripe_webhook_secret
        )
    except stripe.error.SignatureVerificationError:
        raise HTTPException(400, "invalid signature")
    return {"id": event["id"]}


@router.post("/resend", status_code=202)  # expect: unverified-webhook
async def resend_events(payload: dict) -> dict:
    logger.info("resend delivery event %s", payload.get("type"))
    return {"accepted": True}


@router.post("/postmark/inbound")  # expect: unverified-webhook
async def postmark_inbound(request: Request, x_request_id: str | None = Header(None)):
    message = await request.json()
    return {"from": message.get("From"), "request_id": x_request_id}
