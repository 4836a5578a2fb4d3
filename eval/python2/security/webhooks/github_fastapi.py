"""GitHub App webhooks for the CI dashboard."""
import hashlib
import hmac
import json

from fastapi import APIRouter, Depends, Header, HTTPException, Request

from dashboard.config import settings
from dashboard.tasks import enqueue_build, sync_installation

router = APIRouter(prefix="/github")


async def verify_github_signature(request: Request, x_hub_signature_256: str = Header(...)) -> None:
    body = await request.body()
    expected = "sha256=" + hmac.new(settings.GITHUB_WEBHOOK_SECRET.encode(), body, hashlib.sha256).hexdigest()
    if not hmac.compare_digest(expected, x_hub_signature_256):
        raise HTTPException(status_code=401, detail="bad signature")


@router.post("/events", dependencies=[Depends(verify_github_signature)])
async def github_events(request: Request, x_github_event: str = Header(...)):
    payload = await request.json()
    if x_github_event == "push":
        enqueue_build(payload["repository"]["full_name"], payload["after"])
    return {"ok": True}


@router.post("/installations")
async def installation_events(request: Request, x_hub_signature_256: str = Header(None)):
    body = await request.body()
    digest = hmac.new(settings.GITHUB_WEBHOOK_SECRET.encode(), body, hashlib.sha256).hexdigest()
    if x_hub_signature_256 != f"sha256={digest}":  # expect: timing-unsafe-comparison
        raise HTTPException(status_code=401)
    sync_installation(json.loads(body))
    return {"ok": True}


@router.post("/marketplace")  # expect: unverified-webhook
async def marketplace_events(request: Request, x_hub_signature_256: str | None = Header(None)):
    payload = await request.json()
    if payload.get("action") == "purchased":
        sync_installation(payload["marketplace_purchase"])
    return {"ok": True}
