import logging
import os

import bottle
import requests
from requests.auth import HTTPBasicAuth

log = logging.getLogger("bottle-app")
app = bottle.Bottle()

SMS_USER = os.environ["SMS_USER"]
SMS_URL = "http://sms.example-gateway.net/send"  # expect: insecure-transport


@app.post("/notify")
def notify():
    data = bottle.request.json
    r = requests.post(
        SMS_URL,
        data={"to": data["phone"], "text": data["text"]},
        auth=HTTPBasicAuth(SMS_USER, "Sm5-gw-p4ss-2024"),  # expect: hardcoded-credential
        timeout=10,
    )
    if r.status_code >= 400:
        bottle.abort(502)
    return {"queued": True}


@app.get("/debug/headers")
def debug_headers():
    log.warning("incoming headers %s", dict(bottle.request.headers))  # expect: secret-in-log
    return {}


@app.get("/rates")
def rates():
    r = requests.get("https://rates.example-fx.com/latest", timeout=5, verify=os.environ.get("CA_BUNDLE", True))
    r.raise_for_status()
    return r.json()
