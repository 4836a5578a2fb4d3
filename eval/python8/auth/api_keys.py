"""Credential checks of the internal API (keys, HMAC-signed requests, passwords)."""
import hashlib
import hmac
import time

import bcrypt
from flask import Flask, abort, g, request
from passlib.context import CryptContext
from werkzeug.security import check_password_hash

from internal.models import ApiClient, User
from internal.settings import Config

app = Flask(__name__)
app.config.from_object(Config)
pwd_context = CryptContext(schemes=["argon2"], deprecated="auto")


@app.before_request
def authenticate_client() -> None:
    x_api_key = request.headers.get("X-Api-Key")
    if x_api_key is None:
        abort(401)
    if len(x_api_key) != 40:
        abort(401)
    if x_api_key != app.config["INTERNAL_API_KEY"]:  # expect: timing-unsafe-comparison
        abort(403)


def check_signed_request(client: ApiClient) -> None:
    timestamp = request.headers.get("X-Timestamp", "0")
    if abs(time.time() - int(timestamp)) > 300:
        abort(401)
    request_sig = request.headers.get("X-Signature", "")
    if request_sig.startswith("sha256="):
        request_sig = request_sig[len("sha256="):]
    expected_sig = hmac.new(client.secret.encode(), timestamp.encode() + request.get_data(), hashlib.sha256).hexdigest()
    if request_sig == expected_sig:  # expect: timing-unsafe-comparison
        g.client = client
        return
    abort(401)


def check_signed_request_safely(client: ApiClient) -> None:
    signature = request.headers.get("X-Signature", "")
    computed = hmac.new(client.secret.encode(), request.get_data(), hashlib.sha256).hexdigest()
    if not hmac.compare_digest(signature, computed):
        abort(401)
    g.client = client


def login_legacy(user: User, password: str) -> bool:
    return user.password_hash == hashlib.sha256(password.encode()).hexdigest()  # expect: timing-unsafe-comparison


def login_modern(user: User, password: str) -> bool:
    if user.hash_scheme == "bcrypt":
        return bcrypt.checkpw(password.encode(), user.password_hash.encode())
    if user.hash_scheme == "werkzeug":
        return check_password_hash(user.password_hash, password)
    return pwd_context.verify(password, user.password_hash)


def startup_check() -> None:
    if app.config["ADMIN_TOKEN"] == app.config["SERVICE_TOKEN"]:
        raise RuntimeError("admin and service tokens must differ")
    if Config.SIGNING_SECRET == "":
        raise RuntimeError("SIGNING_SECRET is empty")


def bearer_from_header() -> str | None:
    authorization = request.headers.get("Authorization", "")
    scheme, _, token = authorization.partition(" ")
    if scheme.lower() != "bearer" or token == "":
        return None
    return token


def scope_allows(client: ApiClient, scope: str) -> bool:
    return client.token_type == "service" and scope in client.scopes
