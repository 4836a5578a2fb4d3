"""DRF endpoints for refunds and payouts."""
import stripe
from django.conf import settings
from rest_framework.decorators import api_view, permission_classes
from rest_framework.permissions import IsAdminUser
from rest_framework.response import Response

from .models import Order, Payout

stripe.api_key = settings.STRIPE_SECRET_KEY


@api_view(["POST"])
@permission_classes([IsAdminUser])
def refund_order(request, order_id: int):
    order = Order.objects.get(pk=order_id)
    refund = stripe.Refund.create(payment_intent=order.payment_intent_id, amount=request.data.get("amount"))  # expect: missing-idempotency-key
    order.record_refund(refund.id)
    return Response({"refund": refund.id})


@api_view(["POST"])
@permission_classes([IsAdminUser])
def partial_refund(request, order_id: int):
    order = Order.objects.get(pk=order_id)
    refund = stripe.Refund.create(
        payment_intent=order.payment_intent_id,
        amount=int(request.data["amount"]),
        idempotency_key=f"refund-{order.pk}-{request.data['request_id']}",
    )
    return Response({"refund": refund.id})


@api_view(["POST"])
@permission_classes([IsAdminUser])
def release_payout(request, payout_id: int):
    payout = Payout.objects.get(pk=payout_id)
    created = stripe.Payout.create(amount=payout.amount_cents, currency="eur", idempotency_key=payout.uuid.hex)
    transfer = stripe.Transfer.create(amount=payout.fee_cents, currency="eur", destination=payout.account_id)  # expect: missing-idempotency-key
    payout.mark_released(created.id, transfer.id)
    return Response({"payout": created.id})


@api_view(["GET"])
def charge_status(request, charge_id: str):
    charge = stripe.Charge.retrieve(charge_id)
    return Response({"status": charge.status})
