"""Inbound hooks from commerce partners."""
import base64
import hashlib
import hmac
import json
import logging

from django.conf import settings
from django.http import HttpResponse, HttpResponseForbidden, JsonResponse
from django.utils.decorators import method_decorator
from django.views import View
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from orders.services import import_shopify_order, record_carrier_event, record_paypal_event

logger = logging.getLogger(__name__)


@csrf_exempt
@require_POST
def shopify_orders(request):
    hmac_header = request.META.get("HTTP_X_SHOPIFY_HMAC_SHA256", "")
    digest = hmac.new(settings.SHOPIFY_API_SECRET.encode(), request.body, hashlib.sha256).digest()
    computed = base64.b64encode(digest).decode()
    if not hmac.compare_digest(computed, hmac_header):
        return HttpResponseForbidden()
    import_shopify_order(json.loads(request.body))
    return HttpResponse(status=200)


@csrf_exempt  # expect: unverified-webhook
@require_POST
def carrier_tracking(request):
    event = json.loads(request.body)
    record_carrier_event(event)
    return JsonResponse({"ok": True})


@method_decorator(csrf_exempt, name="dispatch")
class PaypalHookView(View):
    def post(self, request, *args, **kwargs):  # expect: unverified-webhook
        event = json.loads(request.body)
        logger.info("paypal %s", event.get("event_type"))
        record_paypal_event(event)
        return HttpResponse(status=200)


@method_decorator(csrf_exempt, name="dispatch")
class PaypalVerifiedHookView(View):
    def post(self, request, *args, **kwargs):
        if not self._verify_signature(request):
            return HttpResponseForbidden()
        record_paypal_event(json.loads(request.body))
        return HttpResponse(status=200)

    def _verify_signature(self, request) -> bool:
        transmission_sig = request.META.get("HTTP_PAYPAL_TRANSMISSION_SIG", "")
        expected = hmac.new(settings.PAYPAL_CLIENT_SECRET.encode(), request.body, hashlib.sha256).hexdigest()
        return hmac.compare_digest(expected, transmission_sig)


@csrf_exempt
@require_POST
def shopify_legacy(request):
    received = request.META.get("HTTP_X_SHOPIFY_HMAC_SHA256", "")
    digest = hmac.new(settings.SHOPIFY_API_SECRET.encode(), request.body, hashlib.sha256).digest()
    if base64.b64encode(digest).decode() == received:  # expect: timing-unsafe-comparison
        import_shopify_order(json.loads(request.body))
        return HttpResponse(status=200)
    return HttpResponseForbidden()
