"""Account blueprint: login, API key rotation and profile sync."""
import logging

import requests
from flask import Blueprint, current_app, jsonify, request
from werkzeug.security import check_password_hash

from ..models import ApiKey, User
from ..security import redact

bp = Blueprint("account", __name__, url_prefix="/account")
logger = logging.getLogger(__name__)
PROFILE_SERVICE = "https://profiles.example.com/v1/users"


@bp.post("/login")
def login():
    form = request.get_json()
    user = User.query.filter_by(email=form["email"]).first()
    password = form["password"]
    current_app.logger.debug("login attempt for %s with password %s", form["email"], password)  # expect: secret-in-log
    if user is None or not check_password_hash(user.password_hash, password):
        return jsonify(error="invalid credentials"), 401
    return jsonify(id=user.id)


@bp.post("/api-keys/rotate")
def rotate_key():
    current_app.logger.info("rotate request headers: %s", dict(request.headers))  # expect: secret-in-log
    new_key = ApiKey.rotate(request.json["account_id"])
    logger.info("issued key %s", redact(new_key.secret))
    logger.info("api key issued: %s", "yes" if new_key.secret else "no")
    logger.info("issued api_key=%s", new_key.secret)  # expect: secret-in-log
    return jsonify(prefix=new_key.secret[:6])


@bp.get("/profile/<int:user_id>")
def profile(user_id: int):
    resp = requests.get(f"{PROFILE_SERVICE}/{user_id}", timeout=4)
    if not resp.ok:
        return jsonify(error="profile unavailable"), 502
    return jsonify(resp.json())


@bp.post("/profile/<int:user_id>/sync")
def sync_profile(user_id: int):
    resp = requests.put(f"{PROFILE_SERVICE}/{user_id}", json=request.get_json())  # expect: missing-timeout
    data = resp.json()  # expect: unchecked-response-status
    if data.get("ok"):
        return jsonify(synced=True)
    return jsonify(synced=False), 409
