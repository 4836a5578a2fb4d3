import hashlib
import hmac
import logging

import stripe
from django.conf import settings
from rest_framework.response import Response
from rest_framework.views import APIView

from .models import Shipment
from .events import handle_event

logger = logging.getLogger(__name__)


class StripeWebhookView(APIView):
    authentication_classes = []
    permission_classes = []

    def post(self, request):
        payload = request.body
        sig_header = request.META.get("HTTP_STRIPE_SIGNATURE", "")
        try:
            event = stripe.Webhook.construct_event(payload, sig_header, settings.STRIPE_WEBHOOK_SECRET)
        except (ValueError, stripe.error.SignatureVerificationError):
            return Response(status=400)
        handle_event(event)
        return Response(status=200)


class CarrierWebhookView(APIView):
    authentication_classes = []

    def get(self, request):
        return Response({"ok": True})

    def post(self, request):  # expect: unverified-webhook
        data = request.data
        Shipment.objects.filter(tracking=data["tracking_number"]).update(status=data["status"])
        return Response(status=204)


class PaddleWebhookView(APIView):
    def post(self, request):
        received = request.headers.get("Paddle-Signature", "")
        expected_sig = hmac.new(settings.PADDLE_SECRET.encode(), request.body, hashlib.sha256).hexdigest()
        if received != expected_sig:  # expect: timing-unsafe-comparison
            logger.warning("bad paddle signature")
            return Response(status=401)
        handle_event(request.data)
        return Response(status=200)
