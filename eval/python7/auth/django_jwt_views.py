import jwt
from django.conf import settings
from django.http import JsonResponse
from jose import jwt as jose_jwt


def whoami(request):
    token = request.META["HTTP_AUTHORIZATION"].split(" ", 1)[1]
    claims = jwt.decode(token, options={"verify_signature": False})  # expect: jwt-unverified
    return JsonResponse({"sub": claims["sub"]})


def preview(request):
    claims = jose_jwt.get_unverified_claims(request.COOKIES["preview"])  # expect: jwt-unverified
    return JsonResponse({"doc": claims["doc"]})


def embed(request):
    token = request.GET["t"]
    claims = jwt.decode(token, settings.EMBED_KEY, algorithms=["HS256", "none"])  # expect: jwt-unverified
    return JsonResponse(claims)


def session_info(request):
    token = request.COOKIES.get("sid")
    header = jwt.get_unverified_header(token)
    key = settings.JWKS[header["kid"]]
    claims = jwt.decode(token, key, algorithms=["RS256"], options={"verify_exp": False})
    return JsonResponse({"sub": claims["sub"]})


def audit(request):
    token = request.META.get("HTTP_AUTHORIZATION", "")[7:]
    unverified = jwt.decode(token, options={"verify_signature": False})
    jwt.decode(token, settings.JWT_PUBLIC_KEY, algorithms=["RS256"])
    return JsonResponse({"iss": unverified["iss"]})
