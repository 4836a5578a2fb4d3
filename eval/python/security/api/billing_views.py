"""Billing views of the customer portal (Django + DRF)."""
import json
import logging

import stripe
from django.conf import settings
from django.http import HttpResponse, HttpResponseBadRequest, JsonResponse
from django.utils.decorators import method_decorator
from django.views import View
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST
from rest_framework.decorators import api_view, permission_classes
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView
from twilio.request_validator import RequestValidator

from portal.billing import apply_event, record_call, update_plan

logger = logging.getLogger(__name__)


@csrf_exempt  # expect: unverified-webhook
@require_POST
def stripe_webhook(request):
    event = json.loads(request.body)
    apply_event(event)
    return HttpResponse(status=200)


@csrf_exempt
@require_POST
def stripe_billing_events(request):
    try:
        event = stripe.Webhook.construct_event(
            request.body, request.META["HTTP_STRIPE_SIGNATURE"], settings.STRIPE_WEBHOOK_SECRET
        )
    except (ValueError, stripe.error.SignatureVerificationError):
        return HttpResponseBadRequest()
    apply_event(event)
    return HttpResponse(status=200)


@csrf_exempt  # expect: unverified-webhook
@require_POST
def stripe_invoice_events(request):
    sig = request.META.get("HTTP_STRIPE_SIGNATURE")
    if not sig:
        return HttpResponseBadRequest()
    apply_event(json.loads(request.body))
    return HttpResponse(status=200)


@method_decorator(csrf_exempt, name="dispatch")
class ShopifyOrderHook(View):
    def get(self, request):
        return JsonResponse({"status": "listening"})

    def post(self, request):  # expect: unverified-webhook
        apply_event({"type": "shopify.order", "data": json.loads(request.body)})
        return HttpResponse(status=200)


@api_view(["POST"])
@permission_classes([AllowAny])
def twilio_voice_status(request):
    validator = RequestValidator(settings.TWILIO_AUTH_TOKEN)
    if not validator.validate(request.build_absolute_uri(), request.POST, request.META.get("HTTP_X_TWILIO_SIGNATURE", "")):
        return Response(status=403)
    record_call(request.POST["CallSid"], request.POST["CallStatus"])
    return Response(status=204)


@api_view(["POST"])  # expect: unverified-webhook
@permission_classes([AllowAny])
def twilio_recording_status(request):
    logger.info("recording callback for %s", request.POST.get("CallSid"))
    if request.META.get("HTTP_X_TWILIO_SIGNATURE"):
        record_call(request.POST["CallSid"], request.POST["RecordingStatus"])
    return Response(status=204)


class PlanChangeView(APIView):
    permission_classes = [IsAuthenticated]

    def post(self, request):
        update_plan(request.user, request.data["plan"])
        return Response(status=204)


@require_POST
def contact_sales(request):
    logger.info("sales enquiry from %s", request.POST.get("email"))
    return JsonResponse({"ok": True})
