"""Inbound webhooks for tenants' own systems: `/t/<tenant>/hooks/<source>`."""
import hashlib
import hmac
import json
import logging

from django.http import HttpResponse, HttpResponseForbidden, JsonResponse
from django.views import View
from django.views.decorators.csrf import csrf_exempt
from django.utils.decorators import method_decorator

from tenants.models import Tenant

logger = logging.getLogger(__name__)


def verify_tenant_signature(tenant: Tenant, body: bytes, header: str) -> bool:
    digest = hmac.new(tenant.inbound_secret.encode(), body, hashlib.sha256).hexdigest()
    return hmac.compare_digest(f"sha256={digest}", header or "")


@method_decorator(csrf_exempt, name="dispatch")
class TenantHookView(View):
    def post(self, request, tenant_slug, source):
        tenant = Tenant.objects.get(slug=tenant_slug)
        if not verify_tenant_signature(tenant, request.body, request.headers.get("X-Signature-256")):
            return HttpResponseForbidden()
        event = json.loads(request.body)
        tenant.ingest(source, event)
        return JsonResponse({"accepted": True})


@method_decorator(csrf_exempt, name="dispatch")
class TenantLegacyHookView(View):
    def post(self, request, tenant_slug, source):  # expect: unverified-webhook
        tenant = Tenant.objects.get(slug=tenant_slug)
        tenant_token = request.headers.get("X-Tenant-Token", "")
        if not tenant_token:
            return HttpResponseForbidden()
        if tenant_token != tenant.inbound_secret:  # expect: timing-unsafe-comparison
            return HttpResponseForbidden()
        tenant.ingest(source, json.loads(request.body))
        return HttpResponse(status=202)


@method_decorator(csrf_exempt, name="dispatch")
class TenantHookStatusView(View):
    def get(self, request, tenant_slug, source):
        tenant = Tenant.objects.get(slug=tenant_slug)
        logger.info("status check for %s/%s", tenant_slug, source)
        return JsonResponse({"last_event": tenant.last_event_at(source)})
