import logging

import jwt
import requests
from flask import current_app, jsonify, request
from flask.views import MethodView

log = logging.getLogger(__name__)


class ProfileAPI(MethodView):
    init_every_request = False

    def get(self, user_id):
        token = request.headers.get("Authorization", "").removeprefix("Bearer ")
        claims = jwt.decode(token, current_app.config["JWT_KEY"], algorithms=["HS256"])
        return jsonify({"user": user_id, "scope": claims.get("scope")})

    def put(self, user_id):
        token = request.cookies.get("portal_session", "")
        claims = jwt.decode(token, options={"verify_signature": False, "verify_exp": False})  # expect: jwt-unverified
        resp = requests.put(  # expect: missing-timeout
            f"{current_app.config['PROFILE_SERVICE']}/users/{user_id}",
            json=request.get_json(),
            headers={"X-Acting-User": claims["sub"]},
            timeout=(3.05, None),
        )
        resp.raise_for_status()
        return jsonify(resp.json())


class AvatarAPI(MethodView):
    def post(self, user_id):
        upload = request.files["avatar"]
        resp = requests.post(
            f"{current_app.config['MEDIA_SERVICE']}/avatars",
            files={"file": upload},
            timeout=current_app.config["HTTP_TIMEOUT"],
        )
        if not resp.ok:
            return jsonify({"error": "upload failed"}), 502
        return jsonify(resp.json())


class LegacyProfileAPI(MethodView):
    def get(self, user_id):
        token = request.args.get("access_token", "")
        claims = jwt.decode(token, "legacy-portal-hs256-k3y", algorithms=["HS256"])  # expect: hardcoded-credential
        log.info("legacy profile for %s with access_token=%s", user_id, token)  # expect: secret-in-log
        return jsonify(claims)


def register_views(app):
    app.add_url_rule("/api/profile/<int:user_id>", view_func=ProfileAPI.as_view("profile"))
    app.add_url_rule("/api/avatar/<int:user_id>", view_func=AvatarAPI.as_view("avatar"))
    app.add_url_rule("/api/legacy/<int:user_id>", view_func=LegacyProfileAPI.as_view("legacy"))
