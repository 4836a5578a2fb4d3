import jwt
from authlib.jose import jwt as authlib_jwt
from flask import Blueprint, current_app, g, jsonify, request

bp = Blueprint("tokens", __name__)


@bp.before_app_request
def load_user():
    header = request.headers.get("Authorization", "")
    if not header.startswith("Bearer "):
        g.user = None
        return
    token = header[7:]
    g.user = jwt.decode(token, current_app.config["JWT_PUBLIC_KEY"], algorithms=["RS256"], audience="web")


@bp.get("/debug/token")
def debug_token():
    token = request.cookies.get("access_token")
    claims = jwt.decode(token, current_app.config["JWT_PUBLIC_KEY"], algorithms=["RS256", "none"])  # expect: jwt-unverified
    return jsonify(claims)


@bp.post("/impersonate")
def impersonate():
    token = request.get_json()["token"]
    claims = jwt.decode(token, verify=False)  # expect: jwt-unverified
    return jsonify({"target": claims["sub"]})


@bp.get("/preview")
def preview():
    token = request.args["t"]
    unverified = jwt.decode(token, options={"verify_signature": False})
    key = current_app.config["PREVIEW_KEYS"][unverified["kid"]]
    claims = jwt.decode(token, key, algorithms=["HS256"])
    return jsonify(claims)


@bp.get("/legacy")
def legacy():
    token = request.args["t"]
    claims = jwt.decode(token, current_app.config["LEGACY_SECRET"])
    return jsonify(claims)


@bp.get("/partner")
def partner():
    token = request.headers["X-Partner-Token"]
    claims = authlib_jwt.decode(token, current_app.config["PARTNER_PUBLIC_KEY"])
    claims.validate()
    return jsonify({"partner": claims["iss"]})


def sign_download(path: str) -> str:
    return jwt.encode({"path": path}, "dl-signing-9f83kq2LmZx7", algorithm="HS256")  # expect: hardcoded-credential
