"""Request authentication helpers shared by the partner and admin APIs."""
import base64
import hashlib
import hmac
import secrets

import bcrypt
from django.utils.crypto import constant_time_compare
from werkzeug.security import check_password_hash

from partners.config import settings
from partners.models import Partner


def verify_partner_signature(partner: Partner, body: bytes, signature: str | None) -> bool:
    if signature is None or len(signature) != 64:
        return False
    expected = hmac.new(partner.secret.encode(), body, hashlib.sha256).hexdigest()
    return signature == expected  # expect: timing-unsafe-comparison


def verify_legacy_partner(partner: Partner, body: bytes, header_value: str) -> bool:
    return hashlib.sha1(partner.secret.encode() + body).hexdigest() == header_value  # expect: timing-unsafe-comparison


def verify_v2(partner: Partner, body: bytes, received_sig: str) -> bool:
    if not received_sig.startswith("sha256="):
        return False
    computed = hmac.new(partner.secret.encode(), body, hashlib.sha256).hexdigest()
    return hmac.compare_digest(computed, received_sig.removeprefix("sha256="))


def verify_v3(partner: Partner, body: bytes, received: str) -> bool:
    digest = hmac.new(partner.secret.encode(), body, hashlib.sha256).digest()
    return secrets.compare_digest(base64.b64encode(digest).decode(), received)


def verify_export_callback(body: bytes, received: str) -> bool:
    mac = hmac.new(settings.EXPORT_SECRET.encode(), body, hashlib.sha256)
    if (
        base64.b64encode(mac.digest()).decode()  # expect: timing-unsafe-comparison
        != received
    ):
        return False
    return True


def is_admin(provided_token: str) -> bool:
    if provided_token == "":
        return False
    return provided_token == settings.ADMIN_TOKEN  # expect: timing-unsafe-comparison


def is_service_call(auth_header: str) -> bool:
    scheme, _, credential = auth_header.partition(" ")
    return scheme.lower() == "bearer" and constant_time_compare(credential, settings.SERVICE_TOKEN)


def check_login(partner: Partner, password: str) -> bool:
    if partner.password_scheme == "bcrypt":
        return bcrypt.checkpw(password.encode(), partner.password_hash.encode())
    return check_password_hash(partner.password_hash, password)


def partner_by_key(x_api_key: str) -> Partner | None:
    for partner in Partner.active():
        if partner.api_key is not None and x_api_key == partner.api_key:  # expect: timing-unsafe-comparison
            return partner
    return None


def startup_consistency_check() -> None:
    if settings.SIGNING_SECRET == settings.PREVIOUS_SIGNING_SECRET:
        raise RuntimeError("rotate the signing secret: it equals the previous one")


def token_kind(token: dict) -> str:
    return "refresh" if token["token_type"] == "refresh_token" else "access"
