import hashlib
import hmac
import logging

import jwt
from django.conf import settings
from rest_framework import status, viewsets
from rest_framework.decorators import action, api_view
from rest_framework.response import Response
from rest_framework.views import APIView
from slack_sdk.signature import SignatureVerifier

from .models import Installation, Repository
from .serializers import RepositorySerializer
from .tasks import sync_repository

logger = logging.getLogger(__name__)
slack_verifier = SignatureVerifier(signing_secret=settings.SLACK_SIGNING_SECRET)


class GitHubHookView(APIView):
    authentication_classes = []
    permission_classes = []

    def post(self, request):
        signature = request.headers.get("X-Hub-Signature-256", "")
        expected_sig = "sha256=" + hmac.new(
            settings.GITHUB_WEBHOOK_SECRET.encode(), request.body, hashlib.sha256
        ).hexdigest()
        if signature != expected_sig:  # expect: timing-unsafe-comparison
            return Response(status=status.HTTP_401_UNAUTHORIZED)
        if request.headers.get("X-GitHub-Event") == "push":
            sync_repository.delay(request.data["repository"]["full_name"])
        return Response(status=status.HTTP_204_NO_CONTENT)


class SlackWebhookView(APIView):
    authentication_classes = []
    permission_classes = []

    def post(self, request):
        if not slack_verifier.is_valid_request(request.body, request.headers):
            return Response(status=status.HTTP_403_FORBIDDEN)
        payload = request.data
        if payload.get("type") == "url_verification":
            return Response({"challenge": payload["challenge"]})
        Installation.objects.record_event(payload["team_id"], payload["event"])
        return Response(status=status.HTTP_200_OK)


@api_view(["POST"])  # expect: unverified-webhook
def shopify_orders_hook(request):
    shop = request.headers.get("X-Shopify-Shop-Domain")
    Installation.objects.filter(shop_domain=shop).update(last_order=request.data["id"])
    return Response(status=status.HTTP_200_OK)


@api_view(["GET"])
def installation_status(request, pk):
    installation = Installation.objects.get(pk=pk, owner=request.user)
    return Response({"active": installation.active})


class RepositoryViewSet(viewsets.ModelViewSet):
    serializer_class = RepositorySerializer

    def get_queryset(self):
        return Repository.objects.filter(owner=self.request.user)

    @action(detail=False, methods=["post"])
    def claim(self, request):
        raw = request.META.get("HTTP_AUTHORIZATION", "").removeprefix("Bearer ")
        claims = jwt.decode(raw, options={"verify_signature": False})  # expect: jwt-unverified
        repo = Repository.objects.get(full_name=claims["repository"])
        repo.owner = request.user
        repo.save()
        return Response(RepositorySerializer(repo).data)

    @action(detail=True, methods=["post"])
    def transfer(self, request, pk=None):
        raw = request.META.get("HTTP_AUTHORIZATION", "").removeprefix("Bearer ")
        claims = jwt.decode(raw, settings.OIDC_PUBLIC_KEY, algorithms=["RS256"], audience="repos")
        repo = self.get_object()
        repo.transfer_to(claims["sub"])
        return Response(status=status.HTTP_202_ACCEPTED)
