import os

import functions_framework
import requests
import stripe

stripe.api_key = os.environ["STRIPE_SECRET_KEY"]
endpoint_secret = os.environ["STRIPE_WEBHOOK_SECRET"]


@functions_framework.http
def create_charge(request):
    data = request.get_json()
    intent = stripe.PaymentIntent.create(amount=data["amount"], currency="eur")  # expect: missing-idempotency-key
    refund = stripe.Refund.create(payment_intent=data["refund_of"], idempotency_key=data["request_id"])
    return {"id": intent.id, "refund": refund.id}


@functions_framework.http
def geo(request):
    ip = request.args.get("ip")
    r = requests.get(f"http://ip-api.example-geo.com/json/{ip}", timeout=4)  # expect: insecure-transport
    r.raise_for_status()
    return r.json()


@functions_framework.cloud_event
def on_upload(cloud_event):
    name = cloud_event.data["name"]
    requests.post("https://thumbs.example-media.com/jobs", json={"object": name}, timeout=10)
