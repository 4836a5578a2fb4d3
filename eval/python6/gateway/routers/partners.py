import logging

import jwt
from fastapi import APIRouter, Depends, Header, HTTPException, Request
from fastapi.security import OAuth2PasswordBearer

from ..config import settings

router = APIRouter(prefix="/partners")
logger = logging.getLogger(__name__)
oauth2_scheme = OAuth2PasswordBearer(tokenUrl="token")


def current_partner(token: str = Depends(oauth2_scheme)) -> dict:
    return jwt.decode(token, settings.partner_jwt_key, algorithms=["HS256"], audience=settings.jwt_audience)


def partner_claims_fast(token: str = Depends(oauth2_scheme)) -> dict:
    return jwt.decode(token, options={"verify_signature": False})  # expect: jwt-unverified


def require_api_key(x_api_key: str = Header(...)) -> None:
    if x_api_key != settings.partner_api_key:  # expect: timing-unsafe-comparison
        raise HTTPException(status_code=401)


def require_api_key_safe(x_api_key: str = Header(...)) -> None:
    import secrets

    if not secrets.compare_digest(x_api_key, settings.partner_api_key):
        raise HTTPException(status_code=401)


@router.get("/me")
async def me(partner: dict = Depends(current_partner)):
    return partner


@router.get("/catalog/{sku}")
async def catalog_item(sku: str, request: Request, claims: dict = Depends(partner_claims_fast)):
    resp = await request.app.state.catalog.get(f"/items/{sku}")
    resp.raise_for_status()
    return resp.json()


@router.post("/orders", dependencies=[Depends(require_api_key_safe)])
async def create_order(body: dict, request: Request, x_partner_token: str = Header(None)):
    logger.info("partner order %s", body.get("reference"))
    logger.debug("partner order from token %s", x_partner_token)  # expect: secret-in-log
    return {"accepted": True}
