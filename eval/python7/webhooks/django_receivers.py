import hashlib
import hmac
import json

import stripe
from django.conf import settings
from django.http import HttpResponse, JsonResponse
from django.utils.crypto import constant_time_compare
from django.views import View
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST
from rest_framework.decorators import api_view
from rest_framework.response import Response
from rest_framework.views import APIView


@csrf_exempt  # expect: unverified-webhook
@require_POST
def mailgun_events(request):
    if request.META.get("HTTP_X_MAILGUN_SIGNATURE") is None:
        return HttpResponse(status=400)
    event = json.loads(request.body)
    return JsonResponse({"ok": event.get("event-data") is not None})


@csrf_exempt
@require_POST
def stripe_events(request):
    event = stripe.Webhook.construct_event(request.body, request.META["HTTP_STRIPE_SIGNATURE"], settings.STRIPE_WEBHOOK_SECRET)
    return JsonResponse({"type": event["type"]})


class CarrierWebhookView(View):
    def post(self, request):  # expect: unverified-webhook
        data = json.loads(request.body)
        return JsonResponse({"tracking": data["tracking_number"]})


class PaddleWebhookView(APIView):
    def post(self, request):
        sig = request.META.get("HTTP_PADDLE_SIGNATURE", "")
        digest = hmac.new(settings.PADDLE_SECRET.encode(), request.body, hashlib.sha256).hexdigest()
        if not constant_time_compare(digest, sig):
            return Response(status=401)
        return Response({"ok": True})


@api_view(["POST"])  # expect: unverified-webhook
def zoom_hook(request):
    return Response({"event": request.data.get("event")})


@api_view(["POST"])  # expect: unverified-webhook
def contact_form(request):
    return Response({"received": True})
