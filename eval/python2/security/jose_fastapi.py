"""Auth dependencies of the analytics API (python-jose)."""
import httpx
from fastapi import Cookie, Depends, FastAPI, Header, HTTPException
from fastapi.security import OAuth2PasswordBearer
from jose import jwt
from jose.exceptions import JWTError

from analytics.settings import settings

app = FastAPI()
oauth2_scheme = OAuth2PasswordBearer(tokenUrl="/auth/token")


def current_user(token: str = Depends(oauth2_scheme)) -> dict:
    try:
        return jwt.decode(token, settings.JWT_PUBLIC_KEY, algorithms=["RS256"], audience="analytics")
    except JWTError:
        raise HTTPException(status_code=401)


@app.get("/reports")
def reports(user: dict = Depends(current_user)):
    return {"owner": user["sub"]}


@app.get("/tenant")
def tenant(token: str = Depends(oauth2_scheme)):
    claims = jwt.get_unverified_claims(token)  # expect: jwt-unverified
    return {"tenant": claims.get("tenant_id")}


@app.get("/embed")
def embed(x_embed_token: str = Header(...)):
    claims = jwt.decode(x_embed_token, settings.EMBED_KEY, options={"verify_signature": False})  # expect: jwt-unverified
    return {"dashboard": claims["dashboard"]}


@app.get("/beta")
def beta(beta_token: str = Cookie(None)):
    if not beta_token:
        raise HTTPException(status_code=403)
    unverified = jwt.get_unverified_claims(beta_token)
    if unverified.get("iss") != settings.BETA_ISSUER:
        raise HTTPException(status_code=403)
    claims = jwt.decode(beta_token, settings.BETA_KEY, algorithms=["HS256"], issuer=settings.BETA_ISSUER)
    return {"features": claims.get("features", [])}


@app.get("/auth/callback")
async def oauth_callback(code: str):
    async with httpx.AsyncClient(timeout=10) as client:
        resp = await client.post(
            settings.IDP_TOKEN_URL,
            data={"grant_type": "authorization_code", "code": code, "client_id": settings.CLIENT_ID,
                  "client_secret": settings.CLIENT_SECRET, "redirect_uri": settings.REDIRECT_URI},
        )
        resp.raise_for_status()
        tokens = resp.json()
    profile = jwt.get_unverified_claims(tokens["id_token"])
    return {"email": profile.get("email")}
