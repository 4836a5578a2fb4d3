"""Twilio and Shopify callbacks for the order-notification service (Django)."""
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
from twilio.request_validator import RequestValidator

from orders.models import Message, Order

logger = logging.getLogger(__name__)
validator = RequestValidator(settings.TWILIO_AUTH_TOKEN)


@csrf_exempt
@require_POST
def sms_status(request):
    signature = request.META.get("HTTP_X_TWILIO_SIGNATURE", "")
    if not validator.validate(request.build_absolute_uri(), request.POST, signature):
        return HttpResponseForbidden()
    Message.objects.filter(sid=request.POST["MessageSid"]).update(status=request.POST["MessageStatus"])
    return HttpResponse(status=204)


@csrf_exempt  # expect: unverified-webhook
@require_POST
def inbound_sms(request):
    sender = request.POST.get("From")
    body = request.POST.get("Body", "").strip()
    Message.objects.create(direction="in", sender=sender, body=body)
    return HttpResponse("<Response/>", content_type="text/xml")


def _shopify_hmac_ok(request) -> bool:
    received = request.headers.get("X-Shopify-Hmac-Sha256", "")
    digest = hmac.new(settings.SHOPIFY_API_SECRET.encode(), request.body, hashlib.sha256).digest()
    return hmac.compare_digest(base64.b64encode(digest).decode(), received)


@method_decorator(csrf_exempt, name="dispatch")
class ShopifyOrderCreated(View):
    def post(self, request):
        if not _shopify_hmac_ok(request):
            return HttpResponseForbidden()
        Order.import_from_shopify(json.loads(request.body))
        return JsonResponse({"ok": True})


@method_decorator(csrf_exempt, name="dispatch")
class ShopifyOrderCancelled(View):
    def post(self, request):  # expect: unverified-webhook
        data = json.loads(request.body)
        logger.info("shopify cancelled order %s", data.get("id"))
        Order.cancel_shopify(data["id"])
        return JsonResponse({"ok": True})
