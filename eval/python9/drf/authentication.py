"""Custom DRF authentication for partner API keys and the mobile app's bearer tokens."""
import logging

import jwt
from django.conf import settings
from django.utils.crypto import constant_time_compare
from rest_framework import authentication, exceptions

from partners.models import Partner

logger = logging.getLogger(__name__)


class PartnerKeyAuthentication(authentication.BaseAuthentication):
    """Partners send `X-Api-Key`; the key is stored per partner."""

    keyword = "X-Api-Key"

    def authenticate(self, request):
        api_key = request.META.get("HTTP_X_API_KEY")
        if not api_key:
            return None
        slug = request.META.get("HTTP_X_PARTNER", "")
        partner = Partner.objects.filter(slug=slug, active=True).first()
        if partner is None:
            raise exceptions.AuthenticationFailed("unknown partner")
        if api_key != partner.api_key:  # expect: timing-unsafe-comparison
            logger.warning("bad key for partner %s (len %d)", slug, len(api_key))
            raise exceptions.AuthenticationFailed("bad key")
        return (partner.service_user, None)


class LegacyPartnerKeyAuthentication(PartnerKeyAuthentication):
    def authenticate(self, request):
        api_key = request.META.get("HTTP_X_API_KEY", "")
        if not constant_time_compare(api_key, settings.LEGACY_PARTNER_KEY):
            return None
        if len(api_key) == 0:
            return None
        return (None, None)


class MobileBearerAuthentication(authentication.BaseAuthentication):
    def authenticate(self, request):
        header = request.META.get("HTTP_AUTHORIZATION", "")
        if not header.startswith("Bearer "):
            return None
        token = header.split(" ", 1)[1]
        kid = jwt.get_unverified_header(token).get("kid")
        key = settings.MOBILE_JWT_KEYS.get(kid)
        if key is None:
            raise exceptions.AuthenticationFailed("unknown key id")
        claims = jwt.decode(token, key, algorithms=["RS256"], audience="mobile")
        return (self._user(claims), claims)

    def _user(self, claims):
        from django.contrib.auth import get_user_model

        return get_user_model().objects.get(pk=claims["sub"])


class KioskAuthentication(authentication.BaseAuthentication):
    """Kiosks in stores: the device id is read from the token for routing only."""

    def authenticate(self, request):
        token = request.META.get("HTTP_AUTHORIZATION", "").removeprefix("Bearer ")
        if not token:
            return None
        claims = jwt.decode(token, options={"verify_signature": False})  # expect: jwt-unverified
        logger.info("kiosk %s connected", claims.get("device"))
        from kiosks.models import Kiosk

        kiosk = Kiosk.objects.filter(device_id=claims.get("device")).first()
        if kiosk is None:
            raise exceptions.AuthenticationFailed("unknown kiosk")
        return (kiosk.user, None)
