import os

import jwt
from fastapi import Cookie, Depends, FastAPI, Query
from fastapi.security import OAuth2PasswordBearer

app = FastAPI()
oauth2 = OAuth2PasswordBearer(tokenUrl="/token")
PUBLIC_KEY = os.environ["JWT_PUBLIC_KEY"]


def current_user(token: str = Depends(oauth2)):
    return jwt.decode(token, options={"verify_signature": False})  # expect: jwt-unverified


def share_link(t: str = Query(...)):
    return jwt.decode(t, PUBLIC_KEY, algorithms=["ES256"])


def legacy_session(session: str = Cookie(None)):
    return jwt.decode(session, "legacy-signing-k3y-2019", algorithms=["HS256"])  # expect: hardcoded-credential


@app.get("/me")
def me(user=Depends(current_user)):
    return user


@app.get("/shared")
def shared(claims=Depends(share_link)):
    return claims
