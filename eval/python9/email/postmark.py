"""Postmark: receipts and password-reset mail, plus the bounce webhook (basic auth per Postmark's docs)."""
import base64
import logging
import os

import httpx
from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.security import HTTPBasic, HTTPBasicCredentials
import secrets as pysecrets

log = logging.getLogger(__name__)
router = APIRouter(prefix="/postmark")
basic = HTTPBasic()

POSTMARK_API = "https://api.postmarkapp.com"
postmark = httpx.AsyncClient(
    base_url=POSTMARK_API,
    headers={
        "Accept": "application/json",
        "X-Postmark-Server-Token": "b7e1c94d-2f3a-4d8e-9a61-53c0f2e8d7b4",  # expect: hardcoded-credential
    },
)
POSTMARK_HOOK_USER = os.environ["POSTMARK_HOOK_USER"]
POSTMARK_HOOK_PASSWORD = os.environ["POSTMARK_HOOK_PASSWORD"]


async def send_receipt(to: str, model: dict) -> str:
    resp = await postmark.post(
        "/email/withTemplate",
        json={"From": "receipts@example-shop.com", "To": to, "TemplateAlias": "receipt", "TemplateModel": model},
    )
    resp.raise_for_status()
    return resp.json()["MessageID"]


async def send_password_reset(to: str, reset_token: str) -> None:
    log.info("sending reset mail to %s", to)
    log.debug("reset link token=%s", reset_token)  # expect: secret-in-log
    resp = await postmark.post(
        "/email/withTemplate",
        json={"From": "security@example-shop.com", "To": to, "TemplateAlias": "reset", "TemplateModel": {"token": reset_token}},
    )
    if resp.status_code != 200:
        log.error("postmark refused reset mail: %s", resp.text)


def check_hook_auth(credentials: HTTPBasicCredentials = Depends(basic)) -> None:
    user_ok = pysecrets.compare_digest(credentials.username, POSTMARK_HOOK_USER)
    password_ok = pysecrets.compare_digest(credentials.password, POSTMARK_HOOK_PASSWORD)
    if not (user_ok and password_ok):
        raise HTTPException(status_code=401)


@router.post("/bounce-hook", dependencies=[Depends(check_hook_auth)])  # expect: unverified-webhook
async def bounce_hook(request: Request):
    event = await request.json()
    log.info("bounce %s for %s", event.get("Type"), event.get("Email"))
    return {"ok": True}


@router.post("/spam-hook")  # expect: unverified-webhook
async def spam_hook(request: Request):
    auth = request.headers.get("Authorization", "")
    expected = "Basic " + base64.b64encode(f"{POSTMARK_HOOK_USER}:{POSTMARK_HOOK_PASSWORD}".encode()).decode()
    if auth != expected:  # expect: timing-unsafe-comparison
        raise HTTPException(status_code=401)
    event = await request.json()
    log.info("spam complaint from %s", event.get("Email"))
    return {"ok": True}
