# W3 (wrong): a dispatcher that acts on nothing itself and hands the request to receivers in the same
# file, each of which checks an HMAC of the body; contract, unverified-webhook "Verified when the
# handler ... or a function it calls in the same file does one of ...". (readthedocs.org
# readthedocs/api/v2/views/integrations.py:926; GitHub/GitLab/Bitbucket views verify in is_payload_valid.)
import hashlib
import hmac

from django.shortcuts import get_object_or_404
from rest_framework.response import Response
from rest_framework.views import APIView

from .models import Integration


class GitHubWebhookView(APIView):
    integration = None

    def post(self, request, project_slug):
        digest = hmac.new(self.integration.secret.encode(), request.body, hashlib.sha256).hexdigest()
        if not hmac.compare_digest(f"sha256={digest}", request.headers.get("X-Hub-Signature-256", "")):
            return Response(status=400)
        return Response({"built": project_slug})


class WebhookView(APIView):
    VIEW_MAP = {"github": GitHubWebhookView}

    def post(self, request, project_slug, integration_pk):
        integration = get_object_or_404(Integration, pk=integration_pk)
        view = self.VIEW_MAP[integration.integration_type].as_view(integration=integration)
        return view(request._request, project_slug)
