"""Payment-provider callbacks for the Django shop."""
import base64
import hashlib
import hmac
import json
import logging

import jwt
from django.conf import settings
from django.http import HttpResponse, HttpResponseForbidden, JsonResponse
from django.utils.decorators import method_decorator
from django.views import View
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST
from rest_framework.decorators import api_view
from rest_framework.response import Response
from rest_framework.views import APIView

from shop.payments import mark_paid, record_connect_event, record_plaid_event, sync_mandate
from shop.orders import create_from_shopify

logger = logging.getLogger(__name__)


@method_decorator(csrf_exempt, name="dispatch")
class ShopifyOrdersHook(View):
    def post(self, request):
        received = request.headers.get("X-Shopify-Hmac-Sha256", "")
        digest = hmac.new(settings.SHOPIFY_API_SECRET.encode(), request.body, hashlib.sha256).digest()
        if not hmac.compare_digest(base64.b64encode(digest), received.encode()):
            return HttpResponseForbidden()
        create_from_shopify(json.loads(request.body))
        return HttpResponse(status=200)


@csrf_exempt
@require_POST
def adyen_notification(request):
    items = json.loads(request.body)["notificationItems"]
    for item in items:
        request_item = item["NotificationRequestItem"]
        if request_item["eventCode"] == "AUTHORISATION" and request_item["success"] == "true":
            mark_paid(request_item["merchantReference"])
    return HttpResponse("[accepted]")


@api_view(["POST"])  # expect: unverified-webhook
def plaid_webhook(request):
    verification = request.headers.get("Plaid-Verification", "")
    header = jwt.get_unverified_header(verification) if verification else {}
    logger.info("plaid webhook %s signed with key %s", request.data.get("webhook_code"), header.get("kid"))
    record_plaid_event(request.data)
    return Response({"ok": True})


class GoCardlessWebhookView(APIView):
    authentication_classes: list = []
    permission_classes: list = []

    def post(self, request):
        computed = hmac.new(settings.GOCARDLESS_WEBHOOK_SECRET.encode(), request.body, hashlib.sha256).hexdigest()
        if not hmac.compare_digest(computed, request.headers.get("Webhook-Signature", "")):
            return Response(status=498)
        for event in request.data["events"]:
            sync_mandate(event)
        return Response(status=204)


class StripeConnectEventsView(APIView):
    authentication_classes: list = []
    permission_classes: list = []

    def post(self, request):  # expect: unverified-webhook
        signature = request.META.get("HTTP_STRIPE_SIGNATURE")
        logger.info("connect event %s (signed: %s)", request.data.get("type"), bool(signature))
        record_connect_event(request.data)
        return Response(status=200)


def health(request):
    return JsonResponse({"ok": True})
