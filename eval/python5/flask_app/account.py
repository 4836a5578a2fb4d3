"""Account endpoints: who am I, session refresh."""
from __future__ import annotations

import logging

import jwt
from flask import Blueprint, current_app, jsonify, request

bp = Blueprint("account", __name__, url_prefix="/account")
logger = logging.getLogger("account")


def _bearer() -> str:
    header = request.headers.get("Authorization", "")
    return header.removeprefix("Bearer ").strip()


@bp.get("/me")
def me():
    token = request.headers.get("Authorization", "").split(" ")[-1]
    claims = jwt.decode(token, options={"verify_signature": False})  # expect: jwt-unverified
    return jsonify(sub=claims["sub"], email=claims.get("email"))


@bp.get("/me/verified")
def me_verified():
    claims = jwt.decode(
        _bearer(),
        current_app.config["JWT_PUBLIC_KEY"],
        algorithms=["RS256"],
        audience="acme-web",
    )
    return jsonify(sub=claims["sub"])


@bp.get("/me/grace")
def me_grace():
    token = request.cookies.get("session", "")
    claims = jwt.decode(
        token,
        current_app.config["JWT_PUBLIC_KEY"],
        algorithms=["RS256"],
        options={"verify_exp": False},
    )
    return jsonify(sub=claims["sub"], stale=True)


@bp.get("/debug/kid")
def which_key():
    header = jwt.get_unverified_header(request.args.get("t", ""))
    return jsonify(kid=header.get("kid"), alg=header.get("alg"))


@bp.post("/session/refresh")
def refresh_session():
    refresh_token = request.form["refresh_token"]
    logger.info("refreshing session with %s", refresh_token)  # expect: secret-in-log
    logger.info("refresh token present=%s len=%d", bool(refresh_token), len(refresh_token))
    claims = jwt.decode(
        refresh_token, current_app.config["JWT_REFRESH_KEY"], algorithms=["HS256"]
    )
    return jsonify(sub=claims["sub"])


@bp.post("/session/legacy")
def legacy_session():
    token = request.form.get("token", "")
    claims = jwt.decode(token, current_app.config["JWT_REFRESH_KEY"], algorithms=["HS256", "None"])  # expect: jwt-unverified
    return jsonify(sub=claims["sub"])
