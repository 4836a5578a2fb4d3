"""Shopify app webhooks (orders/create, app/uninstalled)."""
import base64
import hashlib
import hmac
import json

from django.conf import settings
from django.http import HttpResponse, HttpResponseForbidden
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from .models import Shop


def verify_shopify_webhook(request) -> bool:
    received = request.META.get("HTTP_X_SHOPIFY_HMAC_SHA256", "")
    digest = hmac.new(settings.SHOPIFY_API_SECRET.encode(), request.body, hashlib.sha256).digest()
    return hmac.compare_digest(base64.b64encode(digest).decode(), received)


@csrf_exempt
@require_POST
def orders_create(request):
    if not verify_shopify_webhook(request):
        return HttpResponseForbidden()
    Shop.objects.record_order(request.META["HTTP_X_SHOPIFY_SHOP_DOMAIN"], json.loads(request.body))
    return HttpResponse(status=200)


@csrf_exempt  # expect: unverified-webhook
@require_POST
def app_uninstalled(request):
    Shop.objects.filter(domain=request.META["HTTP_X_SHOPIFY_SHOP_DOMAIN"]).update(installed=False)
    return HttpResponse(status=200)


@csrf_exempt
@require_POST
def customers_redact(request):
    received = request.META.get("HTTP_X_SHOPIFY_HMAC_SHA256", "")
    digest = base64.b64encode(hmac.new(settings.SHOPIFY_API_SECRET.encode(), request.body, hashlib.sha256).digest()).decode()
    if digest == received:  # expect: timing-unsafe-comparison
        Shop.objects.redact_customer(json.loads(request.body))
        return HttpResponse(status=200)
    return HttpResponseForbidden()
