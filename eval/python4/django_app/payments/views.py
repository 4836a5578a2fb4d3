"""Payment provider callbacks (Stripe, PayPal, Adyen)."""
import json
import logging

import stripe
from django.conf import settings
from django.http import HttpResponse, HttpResponseBadRequest, JsonResponse
from django.utils.decorators import method_decorator
from django.views import View
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from .models import Order
from .signatures import verify_adyen_hmac

logger = logging.getLogger(__name__)


@method_decorator(csrf_exempt, name="dispatch")
class StripeWebhookView(View):
    def post(self, request):
        sig_header = request.META.get("HTTP_STRIPE_SIGNATURE")
        try:
            event = stripe.Webhook.construct_event(request.body, sig_header, settings.STRIPE_WEBHOOK_SECRET)
        except (ValueError, stripe.error.SignatureVerificationError):
            return HttpResponseBadRequest()
        if event["type"] == "checkout.session.completed":
            Order.objects.mark_paid(event["data"]["object"]["client_reference_id"])
        return HttpResponse(status=200)


@csrf_exempt  # expect: unverified-webhook
@require_POST
def paypal_webhook(request):
    event = json.loads(request.body)
    if event.get("event_type") == "PAYMENT.CAPTURE.COMPLETED":
        Order.objects.mark_paid(event["resource"]["custom_id"])
    return HttpResponse(status=200)


@csrf_exempt
@require_POST
def adyen_notifications(request):
    payload = json.loads(request.body)
    for item in payload["notificationItems"]:
        notification = item["NotificationRequestItem"]
        if not verify_adyen_hmac(notification, settings.ADYEN_HMAC_KEY):
            return HttpResponse(status=401)
        Order.objects.apply_adyen(notification)
    return HttpResponse("[accepted]")


@method_decorator(csrf_exempt, name="dispatch")
class KlarnaHookView(View):
    def post(self, request):  # expect: unverified-webhook
        payload = json.loads(request.body)
        Order.objects.update_klarna(payload["order_id"], payload["status"])
        return JsonResponse({"received": True})

    def get(self, request):
        return JsonResponse({"status": "listening"})
