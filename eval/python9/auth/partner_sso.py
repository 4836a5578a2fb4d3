"""Partner single sign-on for the FastAPI gateway: partners hand us JWTs in several ways."""
import logging
import os

import jwt
from fastapi import APIRouter, Cookie, Depends, Header, HTTPException, Query
from fastapi.security import OAuth2PasswordBearer
from jose import jwt as jose_jwt

log = logging.getLogger(__name__)
router = APIRouter(prefix="/sso")
oauth2 = OAuth2PasswordBearer(tokenUrl="/sso/token")

PARTNER_PUBLIC_KEY = os.environ["PARTNER_PUBLIC_KEY"]
SESSION_SIGNING_KEY = os.environ["SESSION_SIGNING_KEY"]


@router.get("/landing")
async def landing(partner_jwt: str = Query(...)):
    claims = jwt.decode(partner_jwt, PARTNER_PUBLIC_KEY, algorithms=["RS256"], audience="shop")
    return {"user": claims["sub"]}


@router.get("/preview")
async def preview(partner_session: str = Cookie(None)):
    claims = jose_jwt.get_unverified_claims(partner_session)  # expect: jwt-unverified
    return {"partner": claims.get("iss"), "name": claims.get("name")}


@router.get("/me")
async def me(token: str = Depends(oauth2)):
    claims = jwt.decode(token, SESSION_SIGNING_KEY, algorithms=["HS256"], options={"verify_exp": False})
    return {"user": claims["sub"]}


@router.get("/legacy")
async def legacy(x_partner_token: str = Header(...)):
    claims = jwt.decode(x_partner_token, verify=False)  # expect: jwt-unverified
    return {"user": claims["sub"]}


@router.get("/debug-claims")
async def debug_claims(token: str = Depends(oauth2)):
    header = jwt.get_unverified_header(token)
    claims = jwt.decode(token, SESSION_SIGNING_KEY, algorithms=["HS256", "none"])  # expect: jwt-unverified
    return {"alg": header.get("alg"), "claims": claims}


def decode_stored(token_from_cache: str) -> dict:
    """Tokens we minted ourselves and cached in Redis; read for their expiry only."""
    return jwt.decode(token_from_cache, options={"verify_signature": False})


@router.get("/partner-info")
async def partner_info(authorization: str = Header(...)):
    token = authorization.removeprefix("Bearer ")
    unverified = jose_jwt.decode(token, PARTNER_PUBLIC_KEY, options={"verify_signature": False})  # expect: jwt-unverified
    if unverified.get("iss") not in {"partner-a", "partner-b"}:
        raise HTTPException(status_code=403)
    return {"issuer": unverified["iss"]}
