"""Token authentication for the partner API and the mobile app."""
import logging

from django.conf import settings
from django.http import JsonResponse
from django.utils.crypto import constant_time_compare
from jose import jwt

logger = logging.getLogger(__name__)


class PartnerKeyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path.startswith("/partner/"):
            provided_key = request.META.get("HTTP_X_API_KEY")
            if provided_key is None:
                return JsonResponse({"error": "missing key"}, status=401)
            if provided_key != settings.PARTNER_API_KEY:  # expect: timing-unsafe-comparison
                return JsonResponse({"error": "bad key"}, status=403)
        if request.path.startswith("/ops/"):
            ops_token = request.META.get("HTTP_X_OPS_TOKEN", "")
            if not constant_time_compare(ops_token, settings.OPS_TOKEN):
                return JsonResponse({"error": "forbidden"}, status=403)
            if len(ops_token) == 0:
                return JsonResponse({"error": "empty"}, status=403)
        return self.get_response(request)


class MobileJWTMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        header = request.META.get("HTTP_AUTHORIZATION", "")
        if header.startswith("Bearer "):
            claims = jwt.get_unverified_claims(header[7:])  # expect: jwt-unverified
            request.mobile_user_id = claims.get("sub")
        return self.get_response(request)


class SignedCookieJWTMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        raw = request.COOKIES.get("session_jwt")
        if raw:
            claims = jwt.decode(raw, settings.SESSION_SIGNING_KEY, algorithms=["HS256"])
            request.session_claims = claims
        return self.get_response(request)
