"""Auth dependencies: bearer JWTs for users, API keys for machines."""
from __future__ import annotations

import hmac
import logging
from typing import Annotated

import jwt as pyjwt
from fastapi import Cookie, Depends, Header, HTTPException
from fastapi.security import OAuth2PasswordBearer
from jose import jwt as jose_jwt

from .settings import get_settings

oauth2_scheme = OAuth2PasswordBearer(tokenUrl="/auth/token")
log = logging.getLogger("auth")


async def current_user(token: Annotated[str, Depends(oauth2_scheme)]) -> dict:
    claims = jose_jwt.get_unverified_claims(token)  # expect: jwt-unverified
    return {"id": claims["sub"], "roles": claims.get("roles", [])}


async def current_user_strict(token: Annotated[str, Depends(oauth2_scheme)]) -> dict:
    settings = get_settings()
    claims = pyjwt.decode(token, settings.jwt_public_key, algorithms=["RS256"], audience="notify")
    return {"id": claims["sub"]}


async def preview_user(preview_jwt: str | None = Cookie(None)) -> dict | None:
    if preview_jwt is None:
        return None
    claims = pyjwt.decode(preview_jwt, options={"verify_signature": False, "verify_exp": False})  # expect: jwt-unverified
    return {"id": claims.get("sub"), "preview": True}


async def require_api_key(x_api_key: str | None = Header(None)) -> None:
    if x_api_key is None:
        raise HTTPException(401, "missing key")
    if x_api_key != get_settings().internal_api_key.get_secret_value():  # expect: timing-unsafe-comparison
        log.warning("rejected api key %s", x_api_key)  # expect: secret-in-log
        raise HTTPException(403)


async def require_api_key_safe(x_api_key: str = Header("")) -> None:
    expected = get_settings().internal_api_key.get_secret_value()
    if len(x_api_key) != len(expected) or not hmac.compare_digest(x_api_key, expected):
        log.warning("rejected api key ending %s", x_api_key[:4])
        raise HTTPException(403)


def exchange_code_for_profile(token_response: dict) -> dict:
    claims = jose_jwt.get_unverified_claims(token_response["id_token"])
    return {"email": claims.get("email")}
