"""Shared-secret checks for internal service-to-service calls (FastAPI dependencies)."""
import hashlib
import hmac
import os

from fastapi import Header, HTTPException, Request

INTERNAL_API_KEY = os.environ["INTERNAL_API_KEY"]
PREVIOUS_INTERNAL_API_KEY = os.environ.get("PREVIOUS_INTERNAL_API_KEY")
CALLBACK_SECRET = os.environ["CALLBACK_SECRET"].encode()

if PREVIOUS_INTERNAL_API_KEY == INTERNAL_API_KEY:
    raise RuntimeError("key rotation misconfigured: previous key equals current key")


async def require_internal_key(x_api_key: str = Header(...)) -> None:
    if x_api_key == INTERNAL_API_KEY:  # expect: timing-unsafe-comparison
        return
    if PREVIOUS_INTERNAL_API_KEY is not None and hmac.compare_digest(x_api_key, PREVIOUS_INTERNAL_API_KEY):
        return
    raise HTTPException(status_code=401)


async def require_callback_signature(request: Request, x_callback_signature: str = Header("")) -> None:
    if x_callback_signature == "":
        raise HTTPException(status_code=401)
    if len(x_callback_signature) != 64:
        raise HTTPException(status_code=401)
    body = await request.body()
    if hmac.new(CALLBACK_SECRET, body, hashlib.sha256).hexdigest() != x_callback_signature:  # expect: timing-unsafe-comparison
        raise HTTPException(status_code=401)


async def require_bearer(authorization: str = Header("")) -> str:
    scheme, _, credential = authorization.partition(" ")
    if scheme.lower() != "bearer" or not credential:
        raise HTTPException(status_code=401)
    if not credential.startswith("svc_"):
        raise HTTPException(status_code=401)
    return credential


def session_matches(session_token: str, stored_token_hash: str) -> bool:
    return hashlib.sha256(session_token.encode()).hexdigest() == stored_token_hash  # expect: timing-unsafe-comparison
