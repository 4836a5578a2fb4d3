from django.urls import path

from . import views

urlpatterns = [
    path("webhooks/shopify/orders/", views.shopify_orders),
    path("webhooks/shopify/legacy/", views.shopify_legacy),
    path("webhooks/carrier/", views.carrier_tracking),
    path("webhooks/paypal/", views.PaypalHookView.as_view()),
    path("webhooks/paypal/v2/", views.PaypalVerifiedHookView.as_view()),
]
