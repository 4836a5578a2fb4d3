import base64
import hashlib
import hmac
import json
import os

import urllib3

http = urllib3.PoolManager(timeout=urllib3.Timeout(connect=2.0, read=8.0))
SHARED_SECRET = os.environ["SHARED_SECRET"]


def _body(event):
    body = event.get("body") or ""
    if event.get("isBase64Encoded"):
        body = base64.b64decode(body).decode()
    return body


def legacy_handler(event, context):
    body = _body(event)
    received = event["headers"].get("x-signature", "")
    computed_sig = base64.b64encode(hmac.new(SHARED_SECRET.encode(), body.encode(), hashlib.sha256).digest()).decode()
    if computed_sig != received:  # expect: timing-unsafe-comparison
        return {"statusCode": 401}
    return {"statusCode": 204}


def handler(event, context):
    body = _body(event)
    received = event["headers"].get("x-signature", "")
    computed_sig = base64.b64encode(hmac.new(SHARED_SECRET.encode(), body.encode(), hashlib.sha256).digest()).decode()
    if not hmac.compare_digest(computed_sig, received):
        return {"statusCode": 401}
    if len(received) == 0:
        return {"statusCode": 400}
    resp = http.request("POST", "https://orders.example-erp.com/api/orders", body=body, headers={"Content-Type": "application/json"})
    if resp.status >= 300:
        return {"statusCode": 502}
    return {"statusCode": 200, "body": json.dumps(json.loads(resp.data))}
