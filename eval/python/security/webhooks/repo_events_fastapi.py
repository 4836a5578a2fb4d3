"""GitHub and Shopify deliveries for the release bot (FastAPI)."""
import base64
import hashlib
import hmac
import os

from fastapi import APIRouter, Depends, FastAPI, Header, HTTPException, Request

from releasebot.jobs import enqueue_build, enqueue_sync, record_order

app = FastAPI()
router = APIRouter(prefix="/integrations")

GITHUB_SECRET = os.environ["GITHUB_WEBHOOK_SECRET"].encode()
SHOPIFY_SECRET = os.environ["SHOPIFY_API_SECRET"].encode()


async def verify_github_signature(request: Request, x_hub_signature_256: str = Header(...)) -> None:
    body = await request.body()
    expected = "sha256=" + hmac.new(GITHUB_SECRET, body, hashlib.sha256).hexdigest()
    if not hmac.compare_digest(expected, x_hub_signature_256):
        raise HTTPException(status_code=401, detail="bad signature")


@app.post("/github/events", dependencies=[Depends(verify_github_signature)])
async def github_events(request: Request):
    event = await request.json()
    if event.get("ref") == "refs/heads/main":
        enqueue_build(event["repository"]["full_name"], event["after"])
    return {"ok": True}


@app.post("/github/ci")  # expect: unverified-webhook
async def github_ci(request: Request, x_hub_signature_256: str = Header(None)):
    event = await request.json()
    enqueue_build(event["repository"]["full_name"], event["check_suite"]["head_sha"])
    return {"ok": True}


@app.post("/github/releases")
async def github_releases(request: Request, x_hub_signature_256: str = Header(...)):
    body = await request.body()
    digest = hmac.new(GITHUB_SECRET, body, hashlib.sha256).hexdigest()
    if x_hub_signature_256 != f"sha256={digest}":  # expect: timing-unsafe-comparison
        raise HTTPException(status_code=401)
    enqueue_sync((await request.json())["release"]["tag_name"])
    return {"ok": True}


@router.post("/shopify/orders")
async def shopify_orders(request: Request, x_shopify_hmac_sha256: str = Header(...)):
    body = await request.body()
    computed = base64.b64encode(hmac.new(SHOPIFY_SECRET, body, hashlib.sha256).digest()).decode()
    if not hmac.compare_digest(computed, x_shopify_hmac_sha256):
        raise HTTPException(status_code=401)
    record_order(await request.json())
    return {"ok": True}


@router.post("/shopify/refunds")  # expect: unverified-webhook
async def shopify_refunds(request: Request, x_shopify_hmac_sha256: str = Header(...)):
    record_order(await request.json())
    return {"ok": True}


@router.post("/builds")  # expect: unverified-webhook
async def trigger_build(payload: dict):
    enqueue_build(payload["repo"], payload["sha"])
    return {"queued": True}


app.include_router(router)
