"""API-key and signed-link checks for the partner API."""
import base64
import hashlib
import hmac
import os
import secrets
from enum import Enum

import bcrypt
from django.utils.crypto import constant_time_compare
from flask import Flask, abort, g, request
from werkzeug.security import check_password_hash

from partners.store import find_partner, find_user

app = Flask(__name__)

ADMIN_TOKEN = os.environ["ADMIN_TOKEN"]
LINK_SIGNING_KEY = os.environ["LINK_SIGNING_KEY"].encode()
EXPECTED_CONFIG_TOKEN = os.environ.get("CONFIG_TOKEN")


class KeyKind(Enum):
    LIVE = "live"
    TEST = "test"


def require_admin() -> None:
    x_admin_token = request.headers.get("X-Admin-Token")
    if x_admin_token != ADMIN_TOKEN:  # expect: timing-unsafe-comparison
        abort(401)


def require_partner() -> None:
    x_api_key = request.headers.get("X-Api-Key", "")
    if not x_api_key:
        abort(401)
    partner = find_partner(request.view_args["partner_id"])
    if partner is None or not secrets.compare_digest(partner.api_key, x_api_key):
        abort(401)
    g.partner = partner


def require_partner_v1() -> None:
    partner = find_partner(request.view_args["partner_id"])
    if request.args.get("api_key") == partner.api_key:  # expect: timing-unsafe-comparison
        g.partner = partner
        return
    abort(401)


def signed_link_valid(path: str, expires: str, sig: str) -> bool:
    mac = hmac.new(LINK_SIGNING_KEY, f"{path}:{expires}".encode(), hashlib.sha256)
    return mac.hexdigest() == sig  # expect: timing-unsafe-comparison


def signed_link_valid_v2(path: str, expires: str, sig: str) -> bool:
    mac = hmac.new(LINK_SIGNING_KEY, f"{path}:{expires}".encode(), hashlib.sha256)
    return hmac.compare_digest(mac.hexdigest(), sig)


def download_token_invalid(file_id: str, presented: str) -> bool:
    expected = hashlib.sha256(file_id.encode() + LINK_SIGNING_KEY).digest()
    return base64.b64encode(expected).decode() != presented  # expect: timing-unsafe-comparison


def legacy_checksum_ok(payload: bytes, checksum_digest: str) -> bool:
    return hashlib.md5(payload).hexdigest() == checksum_digest  # expect: timing-unsafe-comparison


def login(username: str, password: str) -> bool:
    user = find_user(username)
    if user is None or user.password_hash is None:
        return False
    if user.legacy:
        return check_password_hash(user.password_hash, password)
    return bcrypt.checkpw(password.encode(), user.password_hash.encode())


def session_token_ok(session_token: str, stored: str) -> bool:
    return constant_time_compare(session_token, stored)


def describe_key(api_key: str) -> str:
    if api_key is None or api_key == "":
        return "none"
    if len(api_key) != 32:
        return "malformed"
    if api_key.startswith("live_"):
        return KeyKind.LIVE.value
    return KeyKind.TEST.value


def webhook_header_format(signature: str) -> bool:
    return signature.startswith("sha256=") and len(signature) == 71


def config_consistent() -> bool:
    # Start-up check: both sides come from the service's own environment.
    return EXPECTED_CONFIG_TOKEN == os.environ.get("CONFIG_TOKEN_MIRROR")


def scheme_of(authorization: str) -> str:
    return "bearer" if "Bearer " in authorization else "other"
