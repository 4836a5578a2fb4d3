# W1 (wrong): a module function that takes `request` and returns a queryset for a django-filter
# field is not a view; python contract, unverified-webhook "Handlers: ... Django views (function or
# class-based `post` method)". (oncall engine/apps/api/views/webhooks.py:49, a management API for
# outgoing webhooks; the function is passed as `queryset=` to a ModelMultipleChoiceFilter.)
from django_filters import rest_framework as filters

from apps.alerts.models import AlertReceiveChannel


def get_integration_queryset(request):
    if request is None:
        return AlertReceiveChannel.objects.none()
    return AlertReceiveChannel.objects.filter(organization=request.user.organization)


class WebhooksFilter(filters.FilterSet):
    integration = filters.ModelMultipleChoiceFilter(queryset=get_integration_queryset)
