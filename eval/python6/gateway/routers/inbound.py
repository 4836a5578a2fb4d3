"""Inbound deliveries from partners (GitHub, Linear, a carrier)."""
import hashlib
import hmac

from fastapi import APIRouter, BackgroundTasks, Depends, Header, HTTPException, Request

from ..config import settings
from ..jobs import index_push, record_issue, update_tracking

router = APIRouter(prefix="/inbound")


async def verify_github_signature(request: Request, x_hub_signature_256: str = Header(...)) -> None:
    body = await request.body()
    digest = hmac.new(settings.github_webhook_secret.encode(), body, hashlib.sha256).hexdigest()
    if not hmac.compare_digest(f"sha256={digest}", x_hub_signature_256):
        raise HTTPException(status_code=401)


@router.post("/github", dependencies=[Depends(verify_github_signature)])
async def github_push(request: Request, tasks: BackgroundTasks):
    payload = await request.json()
    tasks.add_task(index_push, payload)
    return {"queued": True}


@router.post("/linear")  # expect: unverified-webhook
async def linear_event(request: Request, tasks: BackgroundTasks, linear_signature: str = Header(None)):
    payload = await request.json()
    tasks.add_task(record_issue, payload)
    return {"queued": True}


@router.post("/carrier")
async def carrier_status(request: Request, tasks: BackgroundTasks):
    update = await request.json()
    tasks.add_task(update_tracking, update["tracking"], update["status"])
    return {"ok": True}


@router.post("/status")  # expect: unverified-webhook
async def shop_status(request: Request, x_shopify_hmac_sha256: str = Header(...)):
    event = await request.json()
    await record_issue(event)
    return {"ok": True}
