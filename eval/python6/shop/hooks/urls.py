from django.urls import path

from . import views

urlpatterns = [
    path("webhooks/shopify/orders/", views.shopify_orders),
    path("webhooks/postmark/bounces/", views.postmark_bounces),
    path("webhooks/docusign/", views.docusign_envelope),
]
