"""Payment-provider callbacks for the Indian and Dutch storefronts."""
import hashlib
import hmac
import json

import razorpay
from django.conf import settings
from django.http import HttpResponse
from django.utils.decorators import method_decorator
from django.views.decorators.csrf import csrf_exempt
from rest_framework.views import APIView
from rest_framework.response import Response

from orders.models import Order

razorpay_client = razorpay.Client(auth=(settings.RAZORPAY_KEY_ID, settings.RAZORPAY_KEY_SECRET))


@method_decorator(csrf_exempt, name="dispatch")
class RazorpayWebhookView(APIView):
    authentication_classes = []
    permission_classes = []

    def post(self, request):
        signature = request.headers.get("X-Razorpay-Signature", "")
        razorpay_client.utility.verify_webhook_signature(
            request.body.decode(), signature, settings.RAZORPAY_WEBHOOK_SECRET
        )
        event = json.loads(request.body)
        if event["event"] == "payment.captured":
            Order.objects.mark_paid(event["payload"]["payment"]["entity"]["order_id"])
        return Response(status=200)


@method_decorator(csrf_exempt, name="dispatch")
class MollieWebhookView(APIView):
    authentication_classes = []
    permission_classes = []

    def post(self, request):  # expect: unverified-webhook
        payment_id = request.data.get("id")
        Order.objects.sync_mollie_payment(payment_id)
        return Response(status=200)


@method_decorator(csrf_exempt, name="dispatch")
class RazorpayCheckoutCallback(APIView):
    """The browser posts the checkout result here after the Razorpay modal closes."""

    authentication_classes = []
    permission_classes = []

    def post(self, request):
        order_id = request.data["razorpay_order_id"]
        payment_id = request.data["razorpay_payment_id"]
        razorpay_signature = request.data["razorpay_signature"]
        generated_signature = hmac.new(
            settings.RAZORPAY_KEY_SECRET.encode(),
            f"{order_id}|{payment_id}".encode(),
            hashlib.sha256,
        ).hexdigest()
        if generated_signature != razorpay_signature:  # expect: timing-unsafe-comparison
            return HttpResponse(status=400)
        Order.objects.mark_paid(order_id)
        return Response({"ok": True})
