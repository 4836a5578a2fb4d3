"""API Gateway proxy Lambda that calls a partner API."""
import base64
import hashlib
import hmac
import json
import os

import urllib3

http = urllib3.PoolManager(timeout=10.0, retries=urllib3.Retry(total=3, backoff_factor=0.5))
PARTNER = "https://partner.quotes-api.com"
SHARED_SECRET = os.environ.get("PARTNER_SHARED_SECRET", "q7Rk2-Lp9x-Vt4m-Zb8n")  # expect: hardcoded-credential


def handler(event, context):
    body = event.get("body") or ""
    received_mac = event["headers"].get("x-partner-mac", "")
    computed = base64.b64encode(hmac.new(SHARED_SECRET.encode(), body.encode(), hashlib.sha256).digest()).decode()
    if received_mac != computed:  # expect: timing-unsafe-comparison
        return {"statusCode": 401}
    resp = http.request("GET", f"{PARTNER}/quotes", fields={"ref": json.loads(body)["ref"]})
    quote = resp.json()  # expect: unchecked-response-status
    return {"statusCode": 200, "body": json.dumps(quote)}


def status_handler(event, context):
    resp = http.request("GET", f"{PARTNER}/status")
    if resp.status >= 400:
        return {"statusCode": 502}
    return {"statusCode": 200, "body": resp.data.decode()}
