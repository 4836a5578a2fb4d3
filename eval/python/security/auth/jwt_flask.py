"""Bearer-token handling of the mobile API (Flask + PyJWT)."""
import logging
import os

import jwt
import requests
from flask import Flask, abort, g, jsonify, request

logger = logging.getLogger(__name__)
app = Flask(__name__)

JWT_PUBLIC_KEY = os.environ["JWT_PUBLIC_KEY"]
ISSUER_KEYS = {"mobile": os.environ["MOBILE_JWT_KEY"], "web": os.environ["WEB_JWT_KEY"]}
IDP_TOKEN_URL = "https://login.acme-goods.com/oauth/token"


def _bearer() -> str:
    header = request.headers.get("Authorization", "")
    if not header.startswith("Bearer "):
        abort(401)
    return header.split(" ", 1)[1]


@app.get("/me")
def me():
    token = request.headers["Authorization"].removeprefix("Bearer ")
    claims = jwt.decode(token, options={"verify_signature": False})  # expect: jwt-unverified
    return jsonify(user_id=claims["sub"])


@app.get("/orders")
def orders():
    token = _bearer()
    claims = jwt.decode(token, JWT_PUBLIC_KEY, algorithms=["RS256"], audience="mobile")
    return jsonify(user_id=claims["sub"])


@app.get("/preferences")
def preferences():
    token = request.cookies.get("session_jwt", "")
    claims = jwt.decode(token, JWT_PUBLIC_KEY, algorithms=["RS256", "none"])  # expect: jwt-unverified
    return jsonify(theme=claims.get("theme", "light"))


@app.get("/multi-issuer")
def multi_issuer():
    token = _bearer()
    unverified = jwt.decode(token, options={"verify_signature": False})
    key = ISSUER_KEYS.get(unverified.get("iss"))
    if key is None:
        abort(401)
    claims = jwt.decode(token, key, algorithms=["HS256"])
    return jsonify(user_id=claims["sub"])


@app.get("/kid")
def by_kid():
    token = _bearer()
    header = jwt.get_unverified_header(token)
    key = ISSUER_KEYS[header["kid"]]
    claims = jwt.decode(token, key, algorithms=["HS256"], options={"verify_exp": False})
    return jsonify(user_id=claims["sub"])


@app.post("/export")
def export():
    token = request.args.get("access_token", "")
    payload = jwt.decode(token, algorithms=["HS256"], options={"verify_signature": False})  # expect: jwt-unverified
    g.user_id = payload["sub"]
    return jsonify(queued=True)


@app.get("/debug/token")
def debug_token():
    claims = jwt.decode(request.get_json()["token"], verify=False)  # expect: jwt-unverified
    return jsonify(claims)


@app.get("/any-alg")
def any_alg():
    # Algorithms accepting "none" are reported whatever the token's source.
    stored = os.environ["SERVICE_ASSERTION"]
    claims = jwt.decode(stored, JWT_PUBLIC_KEY, algorithms=["NONE", "RS256"])  # expect: jwt-unverified
    return jsonify(claims)


@app.post("/oauth/callback")
def oauth_callback():
    resp = requests.post(
        IDP_TOKEN_URL,
        data={"grant_type": "authorization_code", "code": request.form["code"]},
        timeout=10,
    )
    resp.raise_for_status()
    id_token = resp.json()["id_token"]
    profile = jwt.decode(id_token, options={"verify_signature": False})
    return jsonify(email=profile["email"])
