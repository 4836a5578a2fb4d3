"""JWT authentication for the Django partner portal."""
import jwt
from django.conf import settings
from django.http import JsonResponse
from rest_framework.authentication import BaseAuthentication
from rest_framework.exceptions import AuthenticationFailed

from portal.models import Partner


class PartnerJWTAuthentication(BaseAuthentication):
    def authenticate(self, request):
        auth_header = request.META.get("HTTP_AUTHORIZATION", "")
        if not auth_header.startswith("Bearer "):
            return None
        token = auth_header[7:]
        try:
            claims = jwt.decode(token, settings.PARTNER_JWT_KEY, algorithms=["HS256"], issuer="partners")
        except jwt.InvalidTokenError as exc:
            raise AuthenticationFailed(str(exc)) from exc
        return Partner.objects.get(pk=claims["sub"]), claims


class LegacyPartnerAuthentication(BaseAuthentication):
    def authenticate(self, request):
        token = request.META.get("HTTP_AUTHORIZATION", "").replace("Bearer ", "")
        if not token:
            return None
        claims = jwt.decode(token, options={"verify_signature": False})  # expect: jwt-unverified
        return Partner.objects.get(pk=claims["sub"]), claims


def whoami(request):
    token = request.COOKIES.get("partner_jwt")
    claims = jwt.decode(token, options={"verify_signature": False, "verify_exp": False})  # expect: jwt-unverified
    return JsonResponse({"partner": claims["sub"]})


def preview(request):
    token = request.GET.get("t", "")
    claims = jwt.decode(token, settings.PARTNER_JWT_KEY, algorithms=["HS256"], options={"verify_exp": False})
    return JsonResponse({"doc": claims["doc"]})


def token_header(request):
    token = request.GET.get("t", "")
    return JsonResponse({"alg": jwt.get_unverified_header(token).get("alg")})
