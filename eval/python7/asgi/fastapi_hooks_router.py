import hashlib
import hmac
import os

from fastapi import APIRouter, Header, HTTPException, Request

router = APIRouter(prefix="/integrations")

LINEAR_SECRET = os.environ["LINEAR_WEBHOOK_SECRET"]


@router.post("/linear")
async def linear_event(request: Request, linear_signature: str = Header(...)):
    body = await request.body()
    digest = hmac.new(LINEAR_SECRET.encode(), body, hashlib.sha256).hexdigest()
    if not hmac.compare_digest(digest, linear_signature):
        raise HTTPException(401)
    return {"ok": True}


@router.post("/github")  # expect: unverified-webhook
async def github_event(request: Request, x_hub_signature_256: str = Header(None)):
    payload = await request.json()
    return {"received": payload.get("action")}


@router.post("/pagerduty/hook")  # expect: unverified-webhook
async def pagerduty_incident(request: Request):
    payload = await request.json()
    return {"incident": payload["event"]["data"]["id"]}


@router.post("/notion/sync")  # expect: unverified-webhook
async def notion_sync(request: Request):
    payload = await request.json()
    return {"pages": len(payload.get("pages", []))}


@router.post("/calendly")
async def calendly_event(request: Request, calendly_webhook_signature: str = Header(...)):
    body = await request.body()
    t, v1 = (p.split("=")[1] for p in calendly_webhook_signature.split(","))
    expected_digest = hmac.new(os.environ["CALENDLY_KEY"].encode(), f"{t}.{body.decode()}".encode(), hashlib.sha256).hexdigest()
    if expected_digest == v1:  # expect: timing-unsafe-comparison
        return {"ok": True}
    raise HTTPException(401)
