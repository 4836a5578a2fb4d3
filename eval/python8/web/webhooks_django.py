"""Django function views receiving e-mail and repository events."""
import hashlib
import hmac
import json
import logging

from django.conf import settings
from django.http import HttpResponse, HttpResponseForbidden
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from notifications.models import MailEvent
from deploys.tasks import schedule_deploy

logger = logging.getLogger(__name__)


@csrf_exempt  # expect: unverified-webhook
@require_POST
def mailgun_events(request):
    payload = json.loads(request.body)
    data = payload["event-data"]
    MailEvent.objects.create(message_id=data["message"]["headers"]["message-id"], event=data["event"])
    logger.info("mailgun %s for %s", data["event"], data.get("recipient"))
    return HttpResponse(status=200)


@csrf_exempt
@require_POST
def github_events(request):
    received = request.META.get("HTTP_X_HUB_SIGNATURE_256", "")
    digest = hmac.new(settings.GITHUB_WEBHOOK_SECRET.encode(), request.body, hashlib.sha256).hexdigest()
    if not hmac.compare_digest(received, f"sha256={digest}"):
        return HttpResponseForbidden()
    event = json.loads(request.body)
    if request.META.get("HTTP_X_GITHUB_EVENT") == "push":
        schedule_deploy(event["repository"]["full_name"], event["after"])
    return HttpResponse(status=204)
