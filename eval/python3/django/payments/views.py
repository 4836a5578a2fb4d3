import json
import logging

import stripe
from django.conf import settings
from django.http import HttpResponse, JsonResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from .models import Order

logger = logging.getLogger(__name__)
stripe.api_key = settings.STRIPE_SECRET_KEY


@csrf_exempt
@require_POST
def stripe_webhook(request):
    payload = request.body
    sig_header = request.META.get("HTTP_STRIPE_SIGNATURE")
    try:
        event = stripe.Webhook.construct_event(payload, sig_header, settings.STRIPE_WEBHOOK_SECRET)
    except (ValueError, stripe.error.SignatureVerificationError):
        logger.warning("rejected stripe event")
        return HttpResponse(status=400)
    if event["type"] == "payment_intent.succeeded":
        Order.objects.mark_paid(event["data"]["object"]["metadata"]["order_id"])
    return HttpResponse(status=200)


@csrf_exempt  # expect: unverified-webhook
@require_POST
def carrier_webhook(request):
    update = json.loads(request.body)
    Order.objects.filter(tracking_number=update["tracking"]).update(shipping_status=update["status"])
    return JsonResponse({"received": True})


@require_POST
def refund_order(request, order_id):
    order = Order.objects.get(pk=order_id, customer=request.user)
    refund = stripe.Refund.create(payment_intent=order.payment_intent_id, amount=order.total_cents)  # expect: missing-idempotency-key
    order.refund_id = refund.id
    order.save(update_fields=["refund_id"])
    return JsonResponse({"refund": refund.id})


@require_POST
def checkout(request):
    order = Order.objects.create_from_cart(request.user.cart)
    intent = stripe.PaymentIntent.create(
        amount=order.total_cents,
        currency="eur",
        metadata={"order_id": order.pk},
        idempotency_key=f"order-{order.pk}-intent",
    )
    return JsonResponse({"client_secret": intent.client_secret})


@require_POST
def pay_seller(request, order_id):
    order = Order.objects.get(pk=order_id)
    transfer = stripe.Transfer.create(  # expect: missing-idempotency-key
        amount=order.seller_share_cents,
        currency="eur",
        destination=order.seller.stripe_account_id,
        transfer_group=f"order-{order.pk}",
    )
    return JsonResponse({"transfer": transfer.id})
