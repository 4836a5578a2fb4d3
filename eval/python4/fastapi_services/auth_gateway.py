"""Edge auth for internal dashboards: resolves the caller from the bearer token."""
import os

import httpx
import jwt
from fastapi import Depends, FastAPI, Header, HTTPException
from fastapi.security import OAuth2PasswordBearer

app = FastAPI()
oauth2_scheme = OAuth2PasswordBearer(tokenUrl="/oauth/token")
JWKS_URL = "https://auth.example.com/.well-known/jwks.json"
jwks_client = jwt.PyJWKClient(JWKS_URL)
OIDC_TOKEN_ENDPOINT = "https://auth.example.com/oauth/token"


@app.get("/me")
async def whoami(authorization: str = Header(...)):
    token = authorization.removeprefix("Bearer ")
    claims = jwt.decode(token, options={"verify_signature": False})  # expect: jwt-unverified
    return {"sub": claims["sub"]}


@app.get("/teams")
async def teams(token: str = Depends(oauth2_scheme)):
    header = jwt.get_unverified_header(token)
    key = jwks_client.get_signing_key(header["kid"]).key
    claims = jwt.decode(token, key, algorithms=["RS256"], audience="dashboards")
    return {"teams": claims.get("teams", [])}


@app.get("/legacy/profile")
async def legacy_profile(token: str = Depends(oauth2_scheme)):
    claims = jwt.decode(token, os.environ["LEGACY_HS_KEY"], algorithms=["HS256", "none"])  # expect: jwt-unverified
    return claims


@app.get("/session/expired")
async def expired_session(x_session_token: str = Header(...)):
    claims = jwt.decode(
        x_session_token,
        os.environ["SESSION_KEY"],
        algorithms=["HS256"],
        options={"verify_exp": False},
    )
    return {"sub": claims["sub"], "expired": True}


async def exchange_code(code: str) -> dict:
    async with httpx.AsyncClient() as client:
        resp = await client.post(OIDC_TOKEN_ENDPOINT, data={"grant_type": "authorization_code", "code": code})
    if resp.status_code != 200:
        raise HTTPException(status_code=502)
    tokens = resp.json()
    profile = jwt.decode(tokens["id_token"], options={"verify_signature": False})
    return {"email": profile["email"]}
