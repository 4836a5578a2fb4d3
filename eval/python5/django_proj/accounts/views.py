"""Account views that read the session JWT issued by the identity service."""
import logging

import jwt
from django.conf import settings
from django.http import JsonResponse
from django.views.decorators.http import require_GET

logger = logging.getLogger(__name__)


def _token_from(request) -> str:
    auth = request.META.get("HTTP_AUTHORIZATION", "")
    return auth[7:] if auth.startswith("Bearer ") else ""


@require_GET
def profile(request):
    claims = jwt.decode(_token_from(request), options={"verify_signature": False})  # expect: jwt-unverified
    return JsonResponse({"user": claims["sub"]})


@require_GET
def preferences(request):
    raw = request.COOKIES.get("id_token", "")
    claims = jwt.decode(raw, verify=False)  # expect: jwt-unverified
    return JsonResponse({"locale": claims.get("locale", "en")})


@require_GET
def profile_verified(request):
    token = _token_from(request)
    header = jwt.get_unverified_header(token)
    key = settings.JWT_KEYS[header["kid"]]
    claims = jwt.decode(token, key, algorithms=["RS256"], audience="marketplace")
    return JsonResponse({"user": claims["sub"]})


@require_GET
def impersonation_banner(request):
    token = request.GET.get("t", "")
    unverified = jwt.decode(token, options={"verify_signature": False})
    claims = jwt.decode(token, settings.JWT_SECRET, algorithms=["HS256"])
    logger.info("impersonation by %s as %s", unverified.get("act"), claims["sub"])
    return JsonResponse({"as": claims["sub"]})

