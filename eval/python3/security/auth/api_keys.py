import hashlib
import hmac
import secrets

import bcrypt
from django.conf import settings
from django.utils.crypto import constant_time_compare
from werkzeug.security import check_password_hash


def check_api_key(request) -> bool:
    provided = request.headers.get("X-Api-Key", "")
    return hashlib.sha256(provided.encode()).hexdigest() == settings.API_KEY_SHA256  # expect: timing-unsafe-comparison


def check_internal_token(request) -> bool:
    return constant_time_compare(request.META.get("HTTP_X_INTERNAL_TOKEN", ""), settings.INTERNAL_TOKEN)


def check_admin(request) -> bool:
    admin_token = request.headers.get("X-Admin-Token")
    if admin_token is None:
        return False
    return admin_token == settings.ADMIN_TOKEN  # expect: timing-unsafe-comparison


def check_service(request) -> bool:
    service_secret = request.headers.get("X-Service-Secret", "")
    if service_secret == "":
        return False
    return hmac.compare_digest(service_secret, settings.SERVICE_SECRET)


def has_bearer(request) -> bool:
    auth = request.headers.get("Authorization", "")
    return auth.startswith("Bearer ") and len(auth) > 7


def token_kind(request) -> str:
    token_type = request.POST.get("token_type_hint", "access_token")
    return "refresh" if token_type == "refresh_token" else "access"


def verify_password(user, password: str) -> bool:
    return check_password_hash(user.password_hash, password)


def verify_pin(user, pin: str) -> bool:
    return bcrypt.checkpw(pin.encode(), user.pin_hash)


def verify_signature(payload: bytes, signature: str, key: bytes) -> bool:
    expected = hmac.new(key, payload, hashlib.sha256).hexdigest()
    return secrets.compare_digest(expected, signature)


def verify_legacy_signature(payload: bytes, received_sig: str) -> bool:
    computed_sig = hmac.new(settings.LEGACY_HMAC_KEY.encode(), payload, hashlib.sha1).hexdigest()
    return received_sig == computed_sig  # expect: timing-unsafe-comparison


def config_consistent() -> bool:
    return settings.SIGNING_KEY == settings.LEGACY_SIGNING_KEY
