"""DRF endpoints for checkout and refunds."""
import logging
import uuid

import stripe
from django.conf import settings
from rest_framework import status
from rest_framework.decorators import api_view, permission_classes
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from .models import Order

stripe.api_key = settings.STRIPE_SECRET_KEY
logger = logging.getLogger(__name__)


class CheckoutView(APIView):
    permission_classes = [IsAuthenticated]

    def post(self, request):
        order = Order.objects.get(pk=request.data["order_id"], user=request.user)
        intent = stripe.PaymentIntent.create(  # expect: missing-idempotency-key
            amount=order.total_cents,
            currency=order.currency,
            customer=request.user.stripe_customer_id,
            metadata={"order_id": order.pk},
        )
        return Response({"client_secret": intent.client_secret})


class RefundView(APIView):
    permission_classes = [IsAuthenticated]

    def post(self, request, order_id):
        order = Order.objects.get(pk=order_id)
        refund = stripe.Refund.create(
            payment_intent=order.payment_intent_id,
            amount=request.data.get("amount"),
            idempotency_key=f"refund-{order.pk}-{request.data.get('request_id', uuid.uuid4())}",
        )
        return Response({"refund": refund.id}, status=status.HTTP_201_CREATED)


@api_view(["POST"])
@permission_classes([IsAuthenticated])
def payout_seller(request):
    seller = request.user.seller
    payout = stripe.Payout.create(amount=seller.balance_cents, currency="usd", stripe_account=seller.account_id)  # expect: missing-idempotency-key
    logger.info("payout %s for seller %s", payout.id, seller.pk)
    return Response({"payout": payout.id})


@api_view(["POST"])
@permission_classes([IsAuthenticated])
def save_card(request):
    setup = stripe.SetupIntent.create(customer=request.user.stripe_customer_id)
    customer = stripe.Customer.modify(request.user.stripe_customer_id, metadata={"card": "pending"})
    logger.info("setup intent for %s, secret issued: %s", customer.id, "yes" if setup.client_secret else "no")
    return Response({"client_secret": setup.client_secret})


@api_view(["POST"])
def stripe_hook(request):  # expect: unverified-webhook
    event = request.data
    if event.get("type") == "payment_intent.succeeded":
        Order.objects.filter(payment_intent_id=event["data"]["object"]["id"]).update(paid=True)
    return Response(status=status.HTTP_200_OK)
