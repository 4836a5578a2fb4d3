"""Inbound webhooks for the e-signature and e-mail providers (Django REST framework)."""
import logging

from django.conf import settings
from rest_framework.decorators import api_view, permission_classes
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView
from svix.webhooks import Webhook, WebhookVerificationError

from contracts.models import Envelope
from integrations.security import verify_signature
from mailing.models import Bounce

logger = logging.getLogger(__name__)


@api_view(["POST"])
@permission_classes([AllowAny])
def docusign_connect(request):
    verify_signature(request, secret=settings.DOCUSIGN_HMAC_KEY)
    Envelope.apply_status(request.data["envelopeId"], request.data["status"])
    return Response(status=204)


@api_view(["POST"])  # expect: unverified-webhook
@permission_classes([AllowAny])
def mailgun_bounces(request):
    event = request.data.get("event-data", {})
    Bounce.objects.create(recipient=event.get("recipient"), reason=event.get("reason"))
    return Response(status=200)


class ResendEvents(APIView):
    permission_classes = [AllowAny]

    def post(self, request):
        wh = Webhook(settings.RESEND_WEBHOOK_SECRET)
        try:
            event = wh.verify(request.body, request.headers)
        except WebhookVerificationError:
            return Response(status=400)
        Bounce.record_resend(event)
        return Response(status=204)


class PostmarkEvents(APIView):
    permission_classes = [AllowAny]

    def post(self, request):  # expect: unverified-webhook
        record_type = request.data.get("RecordType")
        if record_type == "Bounce":
            Bounce.objects.create(recipient=request.data["Email"], reason=request.data.get("Description"))
        return Response(status=200)

    def get(self, request):
        return Response({"status": "ready"})
