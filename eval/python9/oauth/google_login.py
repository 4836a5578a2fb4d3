"""Google sign-in (OpenID Connect code flow) for the Flask dashboard."""
import logging
import os
import secrets

import jwt
import requests
from flask import Blueprint, abort, current_app, redirect, request, session, url_for

bp = Blueprint("google_login", __name__, url_prefix="/auth/google")
log = logging.getLogger(__name__)

GOOGLE_CLIENT_ID = os.environ["GOOGLE_CLIENT_ID"]
GOOGLE_CLIENT_SECRET = os.environ.get("GOOGLE_CLIENT_SECRET", "GOCSPX-4kR9wq2ZtLm8vXc1Hn7Pd3Yb")  # expect: hardcoded-credential
TOKEN_URL = "https://oauth2.googleapis.com/token"
AUTH_URL = "https://accounts.google.com/o/oauth2/v2/auth"


@bp.get("/start")
def start():
    state = secrets.token_urlsafe(24)
    session["oauth_state"] = state
    params = {
        "client_id": GOOGLE_CLIENT_ID,
        "redirect_uri": url_for(".callback", _external=True),
        "response_type": "code",
        "scope": "openid email profile",
        "state": state,
    }
    return redirect(requests.Request("GET", AUTH_URL, params=params).prepare().url)


@bp.get("/callback")
def callback():
    if request.args.get("state") != session.pop("oauth_state", None):
        abort(400)
    resp = requests.post(
        TOKEN_URL,
        data={
            "code": request.args["code"],
            "client_id": GOOGLE_CLIENT_ID,
            "client_secret": GOOGLE_CLIENT_SECRET,
            "redirect_uri": url_for(".callback", _external=True),
            "grant_type": "authorization_code",
        },
        timeout=10,
    )
    tokens = resp.json()  # expect: unchecked-response-status
    claims = jwt.decode(tokens["id_token"], options={"verify_signature": False})
    session["user_email"] = claims["email"]
    log.info("google login for %s", claims["email"])
    log.debug("google granted scopes: %s", tokens.get("scope"))
    return redirect(url_for("dashboard.index"))


@bp.post("/one-tap")
def one_tap():
    credential = request.form["credential"]
    claims = jwt.decode(credential, options={"verify_signature": False})  # expect: jwt-unverified
    if claims.get("aud") != GOOGLE_CLIENT_ID:
        abort(401)
    session["user_email"] = claims["email"]
    return redirect(url_for("dashboard.index"))


@bp.post("/one-tap/verified")
def one_tap_verified():
    credential = request.form["credential"]
    signing_key = current_app.extensions["google_jwks"].get_signing_key_from_jwt(credential)
    claims = jwt.decode(credential, signing_key.key, algorithms=["RS256"], audience=GOOGLE_CLIENT_ID)
    session["user_email"] = claims["email"]
    return redirect(url_for("dashboard.index"))
