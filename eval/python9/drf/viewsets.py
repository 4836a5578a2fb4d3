"""Orders API: a viewset whose actions move money and sync with the fulfilment partner."""
import uuid

import requests
import stripe
from django.conf import settings
from rest_framework import status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from orders.models import Order
from orders.serializers import OrderSerializer
from .throttling import BurstRateThrottle, PartnerRateThrottle

stripe.api_key = settings.STRIPE_SECRET_KEY
FULFILMENT_URL = "https://fulfilment.example-logistics.com/v2"


class OrderViewSet(viewsets.ModelViewSet):
    queryset = Order.objects.all()
    serializer_class = OrderSerializer
    throttle_classes = [PartnerRateThrottle, BurstRateThrottle]

    @action(detail=True, methods=["post"])
    def refund(self, request, pk=None):
        order = self.get_object()
        refund = stripe.Refund.create(  # expect: missing-idempotency-key
            payment_intent=order.payment_intent_id,
            amount=order.refundable_cents,
        )
        order.mark_refunded(refund.id)
        return Response({"refund": refund.id})

    @action(detail=True, methods=["post"])
    def partial_refund(self, request, pk=None):
        order = self.get_object()
        amount = int(request.data["amount"])
        refund = stripe.Refund.create(
            payment_intent=order.payment_intent_id,
            amount=amount,
            idempotency_key=f"partial-{order.pk}-{request.data['request_id']}",
        )
        return Response({"refund": refund.id})

    @action(detail=True, methods=["post"])
    def ship(self, request, pk=None):
        order = self.get_object()
        resp = requests.post(
            f"{FULFILMENT_URL}/shipments",
            json={"order": order.number, "lines": order.lines_payload()},
            headers={"Idempotency-Key": str(uuid.uuid4())},
            timeout=settings.HTTP_TIMEOUT,
        )
        shipment = resp.json()  # expect: unchecked-response-status
        order.shipment_ref = shipment.get("id")
        order.save(update_fields=["shipment_ref"])
        return Response(shipment, status=status.HTTP_201_CREATED)

    @action(detail=True, methods=["get"])
    def tracking(self, request, pk=None):
        order = self.get_object()
        resp = requests.get(f"{FULFILMENT_URL}/shipments/{order.shipment_ref}", timeout=5)
        if resp.status_code == 404:
            return Response(status=status.HTTP_404_NOT_FOUND)
        resp.raise_for_status()
        return Response(resp.json())

    @action(detail=False, methods=["get"])
    def carriers(self, request):
        resp = requests.get(f"{FULFILMENT_URL}/carriers")  # expect: missing-timeout
        if not resp.ok:
            return Response(status=status.HTTP_502_BAD_GATEWAY)
        return Response(resp.json())
