"""Braintree checkout for the marketplace (Django views) and its webhook notifications."""
import logging

import braintree
from django.conf import settings
from django.http import HttpResponse, HttpResponseBadRequest, JsonResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from orders.models import Order

logger = logging.getLogger(__name__)

gateway = braintree.BraintreeGateway(
    braintree.Configuration(
        environment=braintree.Environment.Production,
        merchant_id=settings.BRAINTREE_MERCHANT_ID,
        public_key=settings.BRAINTREE_PUBLIC_KEY,
        private_key=settings.BRAINTREE_PRIVATE_KEY,
    )
)


def client_token(request):
    token = gateway.client_token.generate({"customer_id": str(request.user.pk)})
    logger.info("issued braintree client token for %s", request.user.pk)
    return JsonResponse({"clientToken": token})


@require_POST
def checkout(request):
    order = Order.objects.get(pk=request.POST["order_id"], user=request.user)
    result = gateway.transaction.sale(
        {
            "amount": str(order.total),
            "payment_method_nonce": request.POST["payment_method_nonce"],
            "order_id": order.number,
            "options": {"submit_for_settlement": True},
        }
    )
    if not result.is_success:
        logger.warning("braintree declined %s: %s", order.number, result.message)
        return HttpResponseBadRequest(result.message)
    order.mark_paid(result.transaction.id)
    return JsonResponse({"ok": True})


def verify_braintree_signature(signature, payload):
    """`parse` checks the payload's signature against our keys and raises if it does not match."""
    return gateway.webhook_notification.parse(str(signature), payload)


@csrf_exempt
@require_POST
def braintree_webhook(request):
    notification = verify_braintree_signature(request.POST["bt_signature"], request.POST["bt_payload"])
    logger.info("braintree %s", notification.kind)
    if notification.kind == braintree.WebhookNotification.Kind.SubscriptionChargedUnsuccessfully:
        Order.objects.flag_failed_renewal(notification.subscription.id)
    return HttpResponse(status=200)


@csrf_exempt
@require_POST
def dispute_hook(request):  # expect: unverified-webhook
    kind = request.POST.get("kind")
    dispute_id = request.POST.get("dispute_id")
    logger.info("dispute notification %s %s", kind, dispute_id)
    Order.objects.flag_dispute(dispute_id)
    return HttpResponse(status=200)
