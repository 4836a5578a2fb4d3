"""Session tokens for the customer portal (PyJWT)."""
import datetime as dt
import functools
import logging

import jwt
from flask import g, jsonify, request
from jwt import PyJWKClient
from jwt import decode as jwt_decode

from portal.app import app
from portal.config import settings

log = logging.getLogger(__name__)
jwks = PyJWKClient(settings.IDP_JWKS_URL)


def issue_token(user_id: str) -> str:
    now = dt.datetime.now(dt.timezone.utc)
    claims = {"sub": user_id, "iat": now, "exp": now + dt.timedelta(hours=8)}
    return jwt.encode(claims, settings.JWT_SIGNING_KEY, algorithm="HS256")


def issue_preview_token(doc_id: str) -> str:
    return jwt.encode({"doc": doc_id}, "pr3view-s1gning-k3y-2024", algorithm="HS256")  # expect: hardcoded-credential


def _bearer() -> str:
    return request.headers.get("Authorization", "").removeprefix("Bearer ").strip()


def login_required(view):
    @functools.wraps(view)
    def wrapper(*args, **kwargs):
        token = _bearer()
        try:
            g.claims = jwt.decode(token, settings.JWT_SIGNING_KEY, algorithms=["HS256"])
        except jwt.InvalidTokenError:
            return jsonify(error="unauthorized"), 401
        return view(*args, **kwargs)

    return wrapper


@app.get("/api/me")
@login_required
def me():
    return jsonify(user=g.claims["sub"])


@app.get("/api/whoami")
def whoami():
    token = request.headers["Authorization"].split(" ", 1)[1]
    claims = jwt.decode(token, options={"verify_signature": False})  # expect: jwt-unverified
    return jsonify(user=claims.get("sub"), tenant=claims.get("tid"))


@app.get("/api/preview")
def preview():
    token = request.args.get("t", "")
    claims = jwt_decode(token, settings.JWT_SIGNING_KEY, algorithms=["HS256"], options={"verify_exp": False})
    return jsonify(doc=claims["doc"])


@app.get("/api/sso/profile")
def sso_profile():
    token = request.cookies.get("id_token", "")
    header = jwt.get_unverified_header(token)
    signing_key = jwks.get_signing_key(header["kid"])
    claims = jwt.decode(token, signing_key.key, algorithms=["RS256"], audience=settings.IDP_AUDIENCE)
    return jsonify(email=claims["email"])


@app.post("/api/legacy/session")
def legacy_session():
    body = request.get_json()
    claims = jwt.decode(body["token"], settings.LEGACY_KEY, verify=False)  # expect: jwt-unverified
    return jsonify(user=claims["user_id"])


def tenant_of(token: str) -> str:
    return jwt.decode(token, algorithms=["none", "HS256"], key=settings.JWT_SIGNING_KEY)["tid"]  # expect: jwt-unverified
