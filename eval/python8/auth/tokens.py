"""JWT handling of the accounts service: session tokens, partner SSO, OIDC login."""
import logging
import time

import jwt
import requests
from fastapi import APIRouter, Cookie, Depends, Header, HTTPException, Query
from fastapi.security import OAuth2PasswordBearer
from jose import jwt as jose_jwt

from accounts.config import settings

logger = logging.getLogger(__name__)
router = APIRouter(prefix="/auth")
oauth2_scheme = OAuth2PasswordBearer(tokenUrl="/auth/token")

LEGACY_SIGNING_KEY = "legacy-hs256-key-4f9a2c7e1b"  # expect: hardcoded-credential


def issue_session(user_id: str) -> str:
    payload = {"sub": user_id, "iat": int(time.time()), "exp": int(time.time()) + 3600}
    return jwt.encode(payload, settings.session_signing_key, algorithm="HS256")


def issue_legacy(user_id: str) -> str:
    return jwt.encode({"sub": user_id}, "mobile-app-hs256-2f8c1d9e", algorithm="HS256")  # expect: hardcoded-credential


@router.get("/whoami")
def whoami(session: str = Cookie(...)) -> dict:
    claims = jose_jwt.get_unverified_claims(session)  # expect: jwt-unverified
    return {"sub": claims["sub"]}


@router.get("/me")
def me(token: str = Depends(oauth2_scheme)) -> dict:
    claims = jwt.decode(token, settings.session_signing_key, algorithms=["HS256"], options={"verify_exp": False})
    return {"sub": claims["sub"], "expired": claims["exp"] < time.time()}


@router.get("/preview")
def preview(token: str = Query(...)) -> dict:
    claims = jwt.decode(token, settings.session_signing_key, algorithms=["HS256", "None"])  # expect: jwt-unverified
    return {"sub": claims["sub"]}


@router.get("/legacy")
def legacy(x_legacy_token: str = Header(...)) -> dict:
    try:
        claims = jwt.decode(x_legacy_token, LEGACY_SIGNING_KEY, algorithms=["HS256"])
    except jwt.InvalidTokenError as exc:
        raise HTTPException(status_code=401) from exc
    return {"sub": claims["sub"]}


@router.get("/callback")
def oidc_callback(code: str = Query(...)) -> dict:
    resp = requests.post(
        settings.oidc_token_url,
        data={"grant_type": "authorization_code", "code": code, "client_id": settings.oidc_client_id},
        auth=(settings.oidc_client_id, settings.oidc_client_secret),
        timeout=10,
    )
    resp.raise_for_status()
    id_token = resp.json()["id_token"]
    claims = jwt.decode(id_token, options={"verify_signature": False})
    logger.info("oidc login for %s", claims.get("email"))
    return {"email": claims.get("email")}


@router.get("/kid")
def key_id(authorization: str = Header(...)) -> dict:
    header = jwt.get_unverified_header(authorization.removeprefix("Bearer "))
    return {"kid": header.get("kid")}


@router.post("/impersonate")
def impersonate(authorization: str = Header(...)) -> dict:
    token = authorization.removeprefix("Bearer ")
    claims = jwt.decode(token, settings.session_signing_key, verify=False)  # expect: jwt-unverified
    return {"acting_as": claims["sub"]}
