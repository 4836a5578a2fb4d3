# DF: the admin UI's form views that configure outgoing webhooks (DefectDojo
# dojo/notifications/ui/views.py:258, 347, 413); they receive no delivery.
from django.http import HttpResponseRedirect
from django.views import View


class AddNotificationWebhooksView(View):
    def post(self, request):
        form = self.get_form(request)
        if form.is_valid():
            form.save()
        return HttpResponseRedirect("/notifications/webhooks")
