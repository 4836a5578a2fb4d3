"""SMS through Vonage: one-time codes and delivery receipts."""
import hashlib
import hmac
import logging
import os

import vonage
from flask import Flask, abort, request

app = Flask(__name__)
log = logging.getLogger("sms")

client = vonage.Client(key=os.environ["VONAGE_API_KEY"], secret=os.environ["VONAGE_API_SECRET"])
staging_client = vonage.Client(key="4f1e9c2a", secret="Vg7kQ2mP9xR4tL8w")  # expect: hardcoded-credential
VONAGE_SIGNATURE_SECRET = os.environ["VONAGE_SIGNATURE_SECRET"]


def send_code(number, code):
    response = client.sms.send_message({"from": "ExampleCo", "to": number, "text": f"Your code is {code}"})
    status = response["messages"][0]["status"]
    if status != "0":
        log.warning("vonage refused message to %s: %s", number, response["messages"][0]["error-text"])
        return False
    log.info("sent code to %s", number)
    return True


def verify_signature(params, secret):
    sig = params.pop("sig", "")
    joined = "".join(f"&{k}={str(v).replace('&', '_').replace('=', '_')}" for k, v in sorted(params.items()))
    expected = hmac.new(secret.encode(), joined.encode(), hashlib.sha256).hexdigest().upper()
    return hmac.compare_digest(expected, sig.upper())


@app.post("/webhooks/vonage/dlr")  # expect: unverified-webhook
def delivery_receipt():
    receipt = request.get_json(silent=True) or request.form.to_dict()
    log.info("dlr %s for %s: %s", receipt.get("messageId"), receipt.get("msisdn"), receipt.get("status"))
    return "", 204


@app.post("/webhooks/vonage/inbound")
def inbound_sms():
    params = request.form.to_dict()
    if not verify_signature(params, VONAGE_SIGNATURE_SECRET):
        abort(401)
    log.info("inbound from %s", params.get("msisdn"))
    return "", 204


@app.post("/sms/status")
def status_callback():
    data = request.get_json()
    log.info("status %s", data.get("status"))
    return "", 204
