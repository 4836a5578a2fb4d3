"""Service-to-service auth for /internal/ endpoints."""
import logging

from django.conf import settings
from django.http import JsonResponse
from django.utils.crypto import constant_time_compare

logger = logging.getLogger("accounts.middleware")


class InternalApiKeyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path.startswith("/internal/"):
            return self.get_response(request)
        presented = request.META.get("HTTP_X_INTERNAL_KEY", "")
        if not constant_time_compare(presented, settings.INTERNAL_API_KEY):
            logger.warning("bad internal key from %s", request.META.get("REMOTE_ADDR"))
            return JsonResponse({"error": "forbidden"}, status=403)
        return self.get_response(request)


class LegacyPartnerKeyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        partner_api_key = request.META.get("HTTP_X_PARTNER_KEY")
        if partner_api_key is None:
            return self.get_response(request)
        if partner_api_key == settings.INTERNAL_API_KEY:  # expect: timing-unsafe-comparison
            request.is_partner = True
        else:
            logger.info("partner request meta: %s", request.META)  # expect: secret-in-log
        return self.get_response(request)


class RequestAuditMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        logger.info(
            "%s %s -> %s (auth header: %s)",
            request.method,
            request.path,
            response.status_code,
            "present" if request.META.get("HTTP_AUTHORIZATION") else "absent",
        )
        return response
