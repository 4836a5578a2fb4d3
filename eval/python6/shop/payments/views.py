import logging

from rest_framework import viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from . import services
from .models import Order
from .serializers import OrderSerializer

logger = logging.getLogger(__name__)


class OrderViewSet(viewsets.ModelViewSet):
    queryset = Order.objects.all()
    serializer_class = OrderSerializer

    @action(detail=True, methods=["post"])
    def pay(self, request, pk=None):
        order = self.get_object()
        intent = services.charge_order(order)
        logger.info("payment intent %s created for order %s", intent.id, order.pk)
        logger.debug("intent secret handed to client: %s", intent.client_secret)  # expect: secret-in-log
        return Response({"client_secret": intent.client_secret})

    @action(detail=True, methods=["post"])
    def refund(self, request, pk=None):
        order = self.get_object()
        refund = services.refund_order(order, int(request.data["amount"]))
        logger.info("refund %s for order %s (token present: %s)", refund.id, order.pk, bool(request.auth))
        return Response({"refund": refund.id})
