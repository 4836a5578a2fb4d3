import base64
import hashlib
import hmac
import os
import time
from urllib.parse import urlencode

CDN_SIGNING_KEY = os.environ["CDN_SIGNING_KEY"].encode()
LEGACY_KEY = b"cdn-legacy-9f3a7c21e8"


def sign_url(path, ttl=300):
    expires = int(time.time()) + ttl
    msg = f"{path}{expires}".encode()
    sig = base64.urlsafe_b64encode(hmac.new(CDN_SIGNING_KEY, msg, hashlib.sha256).digest()).decode()
    return f"{path}?{urlencode({'expires': expires, 'sig': sig})}"


def sign_legacy(path):
    return hmac.new(b"cdn-legacy-9f3a7c21e8", path.encode(), hashlib.sha1).hexdigest()  # expect: hardcoded-credential


def check_url(path, expires, sig):
    if int(expires) < time.time():
        return False
    expected_sig = base64.urlsafe_b64encode(hmac.new(CDN_SIGNING_KEY, f"{path}{expires}".encode(), hashlib.sha256).digest()).decode()
    return hmac.compare_digest(expected_sig, sig)


def check_legacy(path, sig):
    return sig == hmac.new(LEGACY_KEY, path.encode(), hashlib.sha1).hexdigest()  # expect: timing-unsafe-comparison


def check_shape(sig):
    return sig is not None and len(sig) == 40 and sig != ""
