import httpx
import jwt
from fastapi import APIRouter, Depends, Header, HTTPException, status
from fastapi.security import OAuth2PasswordBearer

from ..config import settings
from ..users import UserRepo

router = APIRouter(prefix="/auth")
oauth2_scheme = OAuth2PasswordBearer(tokenUrl="/auth/token")
jwks_client = jwt.PyJWKClient(settings.jwks_url)


def get_current_user(token: str = Depends(oauth2_scheme), users: UserRepo = Depends()):
    try:
        claims = jwt.decode(token, settings.jwt_secret, algorithms=["HS256"], audience="api")
    except jwt.PyJWTError as exc:
        raise HTTPException(status.HTTP_401_UNAUTHORIZED) from exc
    return users.get(claims["sub"])


def get_partner(authorization: str = Header(...)):
    token = authorization.split(" ", 1)[1]
    header = jwt.get_unverified_header(token)
    signing_key = jwks_client.get_signing_key(header["kid"])
    return jwt.decode(token, signing_key.key, algorithms=["RS256"], options={"verify_exp": False})


@router.get("/whoami")
def whoami(authorization: str = Header(...)):
    token = authorization.removeprefix("Bearer ")
    claims = jwt.decode(token, options={"verify_signature": False})  # expect: jwt-unverified
    return {"sub": claims.get("sub"), "tenant": claims.get("tid")}


@router.post("/internal/rotate")
def rotate_keys(x_api_key: str = Header(...)):
    if x_api_key != settings.admin_api_key:  # expect: timing-unsafe-comparison
        raise HTTPException(status.HTTP_403_FORBIDDEN)
    return {"rotated": True}


@router.get("/callback")
async def oauth_callback(code: str):
    async with httpx.AsyncClient(timeout=10) as client:
        resp = await client.post(
            settings.token_url,
            data={
                "grant_type": "authorization_code",
                "code": code,
                "client_id": settings.client_id,
                "client_secret": settings.client_secret,
                "redirect_uri": settings.redirect_uri,
            },
        )
    resp.raise_for_status()
    id_token = resp.json()["id_token"]
    profile = jwt.decode(id_token, options={"verify_signature": False})
    return {"email": profile["email"]}
