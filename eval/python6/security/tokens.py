"""Token helpers shared by the FastAPI and websocket entry points."""
import jwt
from fastapi import Cookie, FastAPI, Query, WebSocket
from jose import jwt as jose_jwt

from .keys import PUBLIC_KEY

app = FastAPI()


@app.get("/embed")
async def embed(token: str = Query(...)):
    claims = jose_jwt.get_unverified_claims(token)  # expect: jwt-unverified
    return {"tenant": claims.get("tenant")}


@app.get("/preview")
async def preview(session: str = Cookie(None)):
    header = jwt.get_unverified_header(session)
    claims = jwt.decode(session, PUBLIC_KEY, algorithms=[header.get("alg", "RS256")], audience="app")
    return {"sub": claims["sub"]}


@app.get("/legacy")
async def legacy(token: str = Query(...)):
    claims = jwt.decode(token, PUBLIC_KEY, algorithms=["RS256", "none"])  # expect: jwt-unverified
    return claims


@app.websocket("/ws")
async def ws(websocket: WebSocket):
    token = websocket.query_params.get("token", "")
    claims = jose_jwt.decode(token, PUBLIC_KEY, options={"verify_signature": False})  # expect: jwt-unverified
    await websocket.accept()
    await websocket.send_json({"hello": claims.get("sub")})


@app.get("/expired-ok")
async def expired_ok(session: str = Cookie(None)):
    claims = jwt.decode(session, PUBLIC_KEY, algorithms=["RS256"], options={"verify_exp": False})
    return {"sub": claims["sub"]}


def issue(user_id: str) -> str:
    return jwt.encode({"sub": user_id}, "hs256-issuer-k9Fq2Lm7Zx", algorithm="HS256")  # expect: hardcoded-credential


def read_refresh(refresh_token: str) -> dict:
    return jwt.decode(refresh_token, options={"verify_signature": False})
