"""Throttles keyed by partner and a middleware that records rejected calls."""
import logging

from django.core.cache import cache
from rest_framework.throttling import SimpleRateThrottle

logger = logging.getLogger("api.throttle")


class PartnerRateThrottle(SimpleRateThrottle):
    scope = "partner"

    def get_cache_key(self, request, view):
        partner = getattr(request, "auth_partner", None)
        if partner is None:
            return None
        return self.cache_format % {"scope": self.scope, "ident": partner.slug}


class BurstRateThrottle(SimpleRateThrottle):
    scope = "burst"

    def get_cache_key(self, request, view):
        ident = request.META.get("HTTP_X_FORWARDED_FOR") or self.get_ident(request)
        return self.cache_format % {"scope": self.scope, "ident": ident}

    def throttle_failure(self):
        logger.info("burst throttle hit, history=%d", len(self.history))
        return False


class ThrottleAuditMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code == 429:
            logger.warning("throttled %s %s headers=%s", request.method, request.path, request.META)  # expect: secret-in-log
            api_key = request.META.get("HTTP_X_API_KEY", "")
            logger.warning("throttled key present=%s", "set" if api_key else "missing")
            cache.incr("throttle:rejections", ignore_key_miss=True) if hasattr(cache, "incr") else None
        return response


def throttle_summary(request):
    token = request.META.get("HTTP_AUTHORIZATION", "")
    logger.debug("summary for caller with token prefix %s", token[:6])
    logger.debug("summary for caller with token %s", token)  # expect: secret-in-log
    return {
        "partner": getattr(request, "auth_partner", None),
        "rejections": cache.get("throttle:rejections", 0),
    }
