import logging

import jwt
from django.conf import settings

logger = logging.getLogger(__name__)


class BearerTokenMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        header = request.META.get("HTTP_AUTHORIZATION", "")
        if header.startswith("Bearer "):
            token = header[7:]
            claims = jwt.decode(token, options={"verify_signature": False})  # expect: jwt-unverified
            request.tenant = claims.get("tenant")
        return self.get_response(request)


def session_user(request):
    raw = request.COOKIES.get("session_jwt")
    if not raw:
        return None
    return jwt.decode(raw, settings.JWT_PUBLIC_KEY, algorithms=["RS256"], audience="shop")


def peek_kid(request):
    token = request.META["HTTP_AUTHORIZATION"].split()[1]
    return jwt.get_unverified_header(token)["kid"]


def is_internal(request):
    supplied = request.META.get("HTTP_X_INTERNAL_TOKEN")
    if supplied is None or supplied == "":
        return False
    return supplied == settings.INTERNAL_TOKEN  # expect: timing-unsafe-comparison


def log_login(request, user):
    logger.info("login for %s from %s", user.pk, request.META.get("REMOTE_ADDR"))
    logger.debug("login request meta: %s", request.META)  # expect: secret-in-log
