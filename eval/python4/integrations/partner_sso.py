"""Partner single sign-on: accepts JWTs issued by partner portals (Flask)."""
import os

import jwt
from flask import Blueprint, abort, jsonify, request, session
from jose import jwt as jose_jwt

bp = Blueprint("partner_sso", __name__, url_prefix="/sso")
PARTNER_KEYS = {"acme": os.environ.get("ACME_SSO_PUBLIC_KEY", "")}


@bp.get("/acme")
def acme_login():
    token = request.args.get("assertion", "")
    header = jwt.get_unverified_header(token)
    if header.get("kid") not in PARTNER_KEYS:
        abort(401)
    claims = jwt.decode(token, PARTNER_KEYS[header["kid"]], algorithms=["RS256"], audience="shop")
    session["partner_user"] = claims["sub"]
    return jsonify(ok=True)


@bp.get("/globex")
def globex_login():
    token = request.cookies.get("globex_sso")
    claims = jwt.decode(token, verify=False)  # expect: jwt-unverified
    session["partner_user"] = claims["email"]
    return jsonify(ok=True)


@bp.post("/initech")
def initech_login():
    body = request.get_json()
    claims = jose_jwt.decode(body["id_token"], os.environ["INITECH_KEY"], options={"verify_signature": False})  # expect: jwt-unverified
    session["partner_user"] = claims["sub"]
    return jsonify(ok=True)


@bp.get("/umbrella")
def umbrella_login():
    token = request.headers.get("X-Umbrella-Assertion", "")
    claims = jwt.decode(token, options={"verify_signature": False, "verify_exp": False})  # expect: jwt-unverified
    return jsonify(user=claims.get("sub"))


def describe(token_from_cache: str) -> dict:
    return jwt.decode(token_from_cache, options={"verify_signature": False})
