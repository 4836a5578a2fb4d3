"""Signature helpers shared by the inbound integrations."""
from __future__ import annotations

import base64
import hashlib
import hmac
import os
import time

SIGNING_KEY = os.environ["OUTBOUND_SIGNING_KEY"].encode()
LEGACY_SIGNING_KEY = b"l3gacy-hmac-k3y-2019"  # expect: hardcoded-credential


def sign(body: bytes) -> str:
    return hmac.new(SIGNING_KEY, body, hashlib.sha256).hexdigest()


def verify(body: bytes, header_value: str) -> bool:
    if not header_value or not header_value.startswith("sha256="):
        return False
    return hmac.compare_digest(sign(body), header_value.removeprefix("sha256="))


def verify_legacy(body: bytes, provided_sig: str) -> bool:
    expected = hmac.new(LEGACY_SIGNING_KEY, body, hashlib.sha1).hexdigest()
    return expected == provided_sig  # expect: timing-unsafe-comparison


def verify_legacy_b64(body: bytes, header: str) -> bool:
    mac = hmac.new(LEGACY_SIGNING_KEY, body, hashlib.sha256)
    return base64.b64encode(mac.digest()).decode() == header  # expect: timing-unsafe-comparison


def verify_with_timestamp(body: bytes, timestamp: str, signature: str | None, tolerance: int = 300) -> bool:
    if signature is None or len(signature) != 64:
        return False
    if abs(time.time() - int(timestamp)) > tolerance:
        return False
    mac = hmac.new(SIGNING_KEY, f"{timestamp}.".encode() + body, hashlib.sha256).hexdigest()
    return secrets_equal(mac, signature)


def secrets_equal(a: str, b: str) -> bool:
    return hmac.compare_digest(a.encode(), b.encode())


def unsign_cookie(value: str) -> str | None:
    payload, _, cookie_mac = value.rpartition(".")
    if hmac.new(SIGNING_KEY, payload.encode(), hashlib.sha256).hexdigest() != cookie_mac:  # expect: timing-unsafe-comparison
        return None
    return payload


def hmac_old(key: str, body: bytes) -> str:
    return hmac.new(b"partner-shared-Secret-77", body, hashlib.md5).hexdigest()  # expect: hardcoded-credential
