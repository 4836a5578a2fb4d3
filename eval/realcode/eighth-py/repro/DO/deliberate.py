# DO: deliberate (oncall engine/middlewares.py:71 an opt-in LOG_REQUEST_HEADERS debug middleware, off by
# default; fides cryptography/key_providers/local_provider.py:18 a fixed HMAC key that derives a public
# key-identifier hash, documented as a protocol constant).
import hashlib
import hmac
import logging

logger = logging.getLogger(__name__)

# Fixed HMAC key for KEK identification: a protocol constant, not a secret.
_KEK_ID_HMAC_KEY = b"fides-kek-id"


def kek_id(kek: str) -> str:
    return hmac.new(key=_KEK_ID_HMAC_KEY, msg=kek.encode(), digestmod=hashlib.sha256).hexdigest()


class LogRequestHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        logger.info("Request Headers: %s", request.headers)
        return self.get_response(request)
