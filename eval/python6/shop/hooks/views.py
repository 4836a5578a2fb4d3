"""Function-based receivers for partner deliveries (mounted under /hooks/)."""
import hashlib
import hmac
import json
import logging

from django.conf import settings
from django.http import HttpResponse, HttpResponseForbidden, JsonResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from .tasks import process_delivery

logger = logging.getLogger(__name__)


def verify_shopify_hmac(request) -> bool:
    digest = hmac.new(settings.SHOPIFY_API_SECRET.encode(), request.body, hashlib.sha256).digest()
    import base64

    return hmac.compare_digest(base64.b64encode(digest).decode(), request.META.get("HTTP_X_SHOPIFY_HMAC_SHA256", ""))


@csrf_exempt
@require_POST
def shopify_orders(request):
    if not verify_shopify_hmac(request):
        return HttpResponseForbidden()
    process_delivery.delay("shopify", json.loads(request.body))
    return HttpResponse(status=200)


@csrf_exempt  # expect: unverified-webhook
@require_POST
def postmark_bounces(request):
    payload = json.loads(request.body)
    process_delivery.delay("postmark", payload)
    logger.info("bounce for %s", payload.get("Email"))
    return HttpResponse(status=200)


@csrf_exempt  # expect: unverified-webhook
def docusign_envelope(request):
    if request.method != "POST":
        return JsonResponse({"error": "method"}, status=405)
    process_delivery.delay("docusign", json.loads(request.body))
    return HttpResponse(status=200)
