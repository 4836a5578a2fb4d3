"""Token dependencies of the analytics API (FastAPI, python-jose and PyJWT)."""
import os
from typing import Annotated

import jwt as pyjwt
from fastapi import Cookie, Depends, FastAPI, Header, HTTPException, Query, WebSocket
from fastapi.security import OAuth2PasswordBearer
from jose import jwt

app = FastAPI()
oauth2_scheme = OAuth2PasswordBearer(tokenUrl="/auth/token")

SIGNING_KEY = os.environ["ANALYTICS_JWT_KEY"]
SERVICE_TOKEN = os.environ.get("ANALYTICS_SERVICE_JWT", "")


def current_user(token: Annotated[str, Depends(oauth2_scheme)]) -> dict:
    return jwt.get_unverified_claims(token)  # expect: jwt-unverified


def current_admin(token: Annotated[str, Depends(oauth2_scheme)]) -> dict:
    claims = jwt.decode(token, SIGNING_KEY, algorithms=["HS256"], audience="analytics")
    if "admin" not in claims.get("roles", []):
        raise HTTPException(status_code=403)
    return claims


@app.get("/dashboards")
def dashboards(user: dict = Depends(current_user)):
    return {"owner": user["sub"]}


@app.get("/embed")
def embed(embed_token: str = Query(...)):
    claims = jwt.decode(embed_token, SIGNING_KEY, options={"verify_signature": False})  # expect: jwt-unverified
    return {"dashboard": claims["dashboard_id"]}


@app.get("/exports")
def exports(x_tenant_token: str = Header(...)):
    claims = pyjwt.decode(x_tenant_token, options={"verify_signature": False})  # expect: jwt-unverified
    return {"tenant": claims["tenant"]}


@app.get("/share")
def share(share_jwt: str | None = Cookie(default=None)):
    if share_jwt is None:
        raise HTTPException(status_code=401)
    claims = pyjwt.decode(share_jwt, SIGNING_KEY, algorithms=["HS256"], options={"verify_aud": False})
    return {"dashboard": claims["dashboard_id"]}


@app.get("/admin/stats")
def admin_stats(admin: dict = Depends(current_admin)):
    return {"admin": admin["sub"]}


@app.get("/service/whoami")
def service_whoami():
    # Our own service token from the environment: its source is not the request.
    claims = jwt.get_unverified_claims(SERVICE_TOKEN)
    return {"service": claims.get("sub")}


@app.websocket("/live")
async def live(websocket: WebSocket):
    token = websocket.query_params.get("token", "")
    claims = pyjwt.decode(token, options={"verify_signature": False})  # expect: jwt-unverified
    await websocket.accept()
    await websocket.send_json({"hello": claims["sub"]})
