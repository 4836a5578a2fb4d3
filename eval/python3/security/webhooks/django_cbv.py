import hashlib
import hmac
import json

import stripe
from django.conf import settings
from django.http import HttpResponse, HttpResponseBadRequest, HttpResponseForbidden, JsonResponse
from django.utils.decorators import method_decorator
from django.views import View
from django.views.decorators.csrf import csrf_exempt

from billing.models import ConnectAccount, Subscription


@method_decorator(csrf_exempt, name="dispatch")
class LemonSqueezyEventsView(View):
    def post(self, request):
        digest = hmac.new(settings.LEMONSQUEEZY_SIGNING_SECRET.encode(), request.body, hashlib.sha256).hexdigest()
        if not hmac.compare_digest(digest, request.headers.get("X-Signature", "")):
            return HttpResponseForbidden()
        Subscription.objects.apply_event(json.loads(request.body))
        return HttpResponse(status=200)


@method_decorator(csrf_exempt, name="dispatch")
class PartnerEventsView(View):
    def post(self, request):  # expect: unverified-webhook
        event = json.loads(request.body)
        Subscription.objects.apply_partner_event(event)
        return JsonResponse({"ok": True})

    def get(self, request):
        return JsonResponse({"status": "ready"})


@method_decorator(csrf_exempt, name="dispatch")
class StripeConnectEventsView(View):
    def post(self, request):
        sig = request.META.get("HTTP_STRIPE_SIGNATURE", "")
        if sig == "":
            return HttpResponseBadRequest()
        try:
            stripe.WebhookSignature.verify_header(request.body.decode(), sig, settings.STRIPE_CONNECT_SECRET)
        except stripe.error.SignatureVerificationError:
            return HttpResponseBadRequest()
        event = json.loads(request.body)
        ConnectAccount.objects.apply_event(event)
        return HttpResponse(status=200)

