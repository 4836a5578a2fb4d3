import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "shop.settings.production")

app = Celery("shop")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.conf.broker_url = os.environ.get(
    "CELERY_BROKER_URL",
    "amqp://shop:Xr8pW2mQ7vTq@rabbit.prod.example.net:5672/shop",  # expect: hardcoded-credential
)
app.conf.result_backend = "redis://redis:6379/0"
app.conf.task_acks_late = True
app.conf.worker_prefetch_multiplier = 1
app.autodiscover_tasks()
